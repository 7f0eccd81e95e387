package dev.parapet.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a redacted span is rewritten; the profile picks one per finding type. */
public enum RedactionMethod {
  /** {@code <TYPE>} in place of the span. */
  REPLACE,
  /** One {@code *} per code point. */
  MASK,
  /** {@code *} for all but the last four letters or digits. */
  KEEP_LAST_4,
  /** A short keyed HMAC of the span, so equal values stay correlatable. */
  HASH;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses {@code replace}, {@code mask}, {@code keep-last-4} or {@code hash}; null otherwise. */
  public static RedactionMethod parse(String value) {
    for (RedactionMethod method : values()) {
      if (method.wireName().equals(value)) {
        return method;
      }
    }
    return null;
  }
}
