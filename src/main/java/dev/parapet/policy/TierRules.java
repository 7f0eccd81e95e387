package dev.parapet.policy;

import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.TierOutcome;
import java.util.List;

/** One tier's compiled rules, built once per policy version and shared by every request. */
public interface TierRules {

  /** The most authoritative tier, which no other tier may relax. */
  String BASELINE = "baseline";

  String name();

  /** The ids of the tier's rules, {@code <tier>/<kebab-case name>}. */
  List<String> ruleIds();

  /** Whether a less authoritative tier may relax the rule with this id. */
  default boolean overridable(String ruleId) {
    return false;
  }

  /** The tier's rules with their file, line and overridability; unknown places by default. */
  default List<RuleSource> rules() {
    return ruleIds().stream()
        .map(id -> new RuleSource(id, name(), "", 0, overridable(id)))
        .toList();
  }

  /** The tier's exempting rules that carry an owner or an end date. */
  List<PolicyException> exceptions();

  /** Runs the tier's rules over one request; a rule that throws becomes a RuleError. */
  TierOutcome evaluate(CheckContext context, List<Finding> findings);

  /**
   * Runs the tier's rules with more facts beside the findings, such as a conversation's messages
   * and tool calls; a tier that cannot take them judges the findings alone.
   */
  default TierOutcome evaluate(CheckContext context, List<Finding> findings, List<?> facts) {
    return evaluate(context, findings);
  }
}
