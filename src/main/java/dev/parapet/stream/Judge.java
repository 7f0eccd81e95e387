package dev.parapet.stream;

import dev.parapet.check.Judgement;

/** Checks a stream's text so far as one answer; bound to the session's profile, tenant, context. */
@FunctionalInterface
public interface Judge {

  /**
   * @param record whether this check is the answer's one audit record
   */
  Judgement judge(String text, boolean record);
}
