package dev.parapet.policy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much of the checked text a profile lets the audit log keep. */
public enum TextStorage {
  NONE,
  REDACTED,
  FULL;

  /** The lower-case name used on the wire and in profiles.yaml. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
