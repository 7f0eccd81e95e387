package dev.parapet.check;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.parapet.model.Verdict;
import java.util.Locale;

/** What a profile's shadow candidate answered: a verdict, or an error where it could not. */
public enum ShadowVerdict {
  ALLOW,
  REDACT,
  BLOCK,
  ERROR;

  public static ShadowVerdict of(Verdict verdict) {
    return switch (verdict) {
      case ALLOW -> ALLOW;
      case REDACT -> REDACT;
      case BLOCK -> BLOCK;
    };
  }

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
