package dev.parapet.policy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a profile answers when part of the pipeline fails: block (closed) or let pass (open). */
public enum FailMode {
  CLOSED,
  OPEN;

  /** The lower-case name used on the wire and in profiles.yaml. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
