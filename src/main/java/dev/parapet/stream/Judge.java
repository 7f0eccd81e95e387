package dev.parapet.stream;

import dev.parapet.check.Judgement;
import dev.parapet.model.RuleError;

/** Checks a stream's text so far as one answer; bound to the session's profile, tenant, context. */
@FunctionalInterface
public interface Judge {

  /**
   * @param record whether this check is the answer's one audit record
   * @param note what went wrong around the answer, for the record (an upstream that timed out), or
   *     null
   */
  Judgement judge(String text, boolean record, RuleError note);
}
