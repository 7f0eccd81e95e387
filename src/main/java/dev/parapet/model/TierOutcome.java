package dev.parapet.model;

import java.util.List;

/** Everything one tier's rules said about a request, before resolution across tiers. */
public record TierOutcome(
    String tier, List<Action> actions, List<Exemption> exemptions, List<RuleError> errors) {

  public TierOutcome {
    actions = List.copyOf(actions);
    exemptions = List.copyOf(exemptions);
    errors = List.copyOf(errors);
  }
}
