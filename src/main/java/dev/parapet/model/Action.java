package dev.parapet.model;

import java.util.List;
import java.util.Objects;

/**
 * What a rule asked for: allow, redact or block, with its reason and the findings it acted on.
 *
 * @param ruleId {@code <tier>/<rule-name-in-kebab-case>}, such as {@code baseline/block-weapons}
 * @param overridable whether a less authoritative tier may relax this action; never true in the
 *     {@code baseline} tier
 * @param findings the findings this action is about; for {@code REDACT} the spans to redact
 */
public record Action(
    String ruleId,
    String tier,
    Verdict verdict,
    String reason,
    boolean overridable,
    List<Finding> findings) {

  public Action {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(verdict, "verdict");
    reason = reason == null ? "" : reason;
    findings = findings == null ? List.of() : List.copyOf(findings);
  }

  public Action withVerdict(Verdict lowered) {
    return new Action(ruleId, tier, lowered, reason, overridable, findings);
  }

  public Action withFindings(List<Finding> kept) {
    return new Action(ruleId, tier, verdict, reason, overridable, kept);
  }
}
