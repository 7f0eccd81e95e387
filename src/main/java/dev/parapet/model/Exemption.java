package dev.parapet.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A less authoritative tier's request to relax an action of a more authoritative one: either a
 * whole rule ({@code targetRule}) or the findings of one type ({@code targetType}). It takes effect
 * only where the targeted action is overridable.
 *
 * @param ruleId the exempting rule, {@code <tier>/<rule-name>}
 * @param targetRule the rule id whose action is relaxed, or null
 * @param targetType the finding type no longer acted on, or null
 * @param lowerTo the verdict the target is lowered to; {@code ALLOW} exempts it entirely
 * @param approvedBy who approved this exception (may be empty)
 * @param expires the last day the exemption applies, or null for no end; read from the rule file
 *     when the policy loads, so a bad date is a load error
 */
public record Exemption(
    String ruleId,
    String tier,
    String reason,
    String targetRule,
    String targetType,
    Verdict lowerTo,
    String approvedBy,
    LocalDate expires) {

  public Exemption {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(lowerTo, "lowerTo");
    if ((targetRule == null) == (targetType == null)) {
      throw new IllegalArgumentException("an exemption targets exactly one rule or one type");
    }
    reason = reason == null ? "" : reason;
    approvedBy = approvedBy == null ? "" : approvedBy;
  }

  public boolean targets(Action action) {
    if (targetRule != null) {
      return targetRule.equals(action.ruleId());
    }
    return action.findings().stream().anyMatch(f -> f.type().equals(targetType));
  }
}
