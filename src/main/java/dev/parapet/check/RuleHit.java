package dev.parapet.check;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.parapet.model.Verdict;
import java.util.Locale;

/**
 * A rule that shaped the decision, as the caller sees it.
 *
 * @param action what the rule did: allowed, redacted, blocked, or exempted a more authoritative
 *     tier's action
 */
public record RuleHit(String id, String tier, Effect action, String reason) {

  /** What a rule did to the decision. */
  public enum Effect {
    ALLOW,
    REDACT,
    BLOCK,
    /** Relaxed a more authoritative tier's action. */
    EXEMPT;

    public static Effect of(Verdict verdict) {
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
}
