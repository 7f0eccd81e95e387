package dev.parapet.check;

import dev.parapet.model.Action;
import dev.parapet.model.Exemption;
import dev.parapet.policy.Resolution;
import java.util.List;

/**
 * Why a decision came out as it did, tier by tier: the actions each tier's rules took (with the
 * findings they matched), the exemptions each tier asked for, and what became of them.
 */
public record Explanation(List<TierExplanation> tiers, List<Resolution.Relaxation> relaxations) {

  public Explanation {
    tiers = List.copyOf(tiers);
    relaxations = List.copyOf(relaxations);
  }

  /** One tier's part. */
  public record TierExplanation(String tier, List<Action> actions, List<Exemption> exemptions) {

    public TierExplanation {
      actions = List.copyOf(actions);
      exemptions = List.copyOf(exemptions);
    }
  }
}
