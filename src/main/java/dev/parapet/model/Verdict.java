package dev.parapet.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The answer to a check, ordered from least to most restrictive: block beats redact beats allow.
 */
public enum Verdict {
  ALLOW,
  REDACT,
  BLOCK;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Verdict mostRestrictive(Verdict a, Verdict b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
