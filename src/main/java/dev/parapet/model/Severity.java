package dev.parapet.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How serious a finding is, ordered from least to most severe. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a severity name in any case; returns null when it is not one. */
  public static Severity parse(String value) {
    if (value == null) {
      return null;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
