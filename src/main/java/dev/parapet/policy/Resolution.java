package dev.parapet.policy;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.parapet.model.Action;
import dev.parapet.model.Exemption;
import dev.parapet.model.Verdict;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of resolving every tier's actions: the final verdict, the actions that still stand
 * (possibly lowered or narrowed), the exemptions that took effect, and the record of what was
 * relaxed or kept, for explanations.
 */
public record Resolution(
    Verdict verdict, List<Action> standing, List<Exemption> applied, List<Relaxation> relaxations) {

  public Resolution {
    standing = List.copyOf(standing);
    applied = List.copyOf(applied);
    relaxations = List.copyOf(relaxations);
  }

  /** One exemption meeting one action. */
  public record Relaxation(
      String exemptionRule, String targetRule, Outcome outcome, String detail) {}

  /** What became of the action an exemption targeted. */
  public enum Outcome {
    /** Relaxed away entirely. */
    EXEMPTED,
    /** Lowered to a milder verdict. */
    LOWERED,
    /** Findings of a type removed from it. */
    NARROWED,
    /** Kept: the action was not overridable. */
    KEPT_MANDATORY,
    /** Kept: the exemption's end date has passed. */
    EXPIRED;

    /** The wire name, lower case with hyphens: {@code kept-mandatory}. */
    @JsonValue
    public String wireName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
