package dev.parapet.policy;

import dev.parapet.model.Action;
import dev.parapet.model.Exemption;
import dev.parapet.model.Finding;
import dev.parapet.model.TierOutcome;
import dev.parapet.model.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies tier precedence: any tier may tighten; a less authoritative tier may relax only what a
 * more authoritative tier marked overridable, and {@code baseline} never; the most restrictive
 * action left decides.
 */
public final class DecisionResolver {

  private final LocalDate today;

  public DecisionResolver(LocalDate today) {
    this.today = today;
  }

  /** Resolves the outcomes of a profile's tiers, given most authoritative first. */
  public Resolution resolve(List<TierOutcome> tiers) {
    List<Action> standing = new ArrayList<>();
    Set<Exemption> applied = new LinkedHashSet<>();
    List<Resolution.Relaxation> relaxations = new ArrayList<>();
    for (int rank = 0; rank < tiers.size(); rank++) {
      for (Action action : tiers.get(rank).actions()) {
        Action current = action;
        for (int lower = rank + 1; lower < tiers.size() && current != null; lower++) {
          for (Exemption exemption : tiers.get(lower).exemptions()) {
            if (current != null && exemption.targets(current)) {
              current = relax(current, exemption, applied, relaxations);
            }
          }
        }
        if (current != null) {
          standing.add(current);
        }
      }
    }
    Verdict verdict = Verdict.ALLOW;
    for (Action action : standing) {
      verdict = Verdict.mostRestrictive(verdict, action.verdict());
    }
    return new Resolution(verdict, standing, List.copyOf(applied), relaxations);
  }

  private Action relax(
      Action action,
      Exemption exemption,
      Set<Exemption> applied,
      List<Resolution.Relaxation> relaxations) {
    if (expired(exemption)) {
      relaxations.add(relaxation(exemption, action, "expired", "expired " + exemption.expires()));
      return action;
    }
    if (!action.overridable() || TierRules.BASELINE.equals(action.tier())) {
      relaxations.add(relaxation(exemption, action, "kept-mandatory", "not overridable"));
      return action;
    }
    applied.add(exemption);
    if (exemption.targetType() != null) {
      List<Finding> kept =
          action.findings().stream().filter(f -> !f.type().equals(exemption.targetType())).toList();
      relaxations.add(
          relaxation(exemption, action, "narrowed", "ignores " + exemption.targetType()));
      return kept.isEmpty() ? null : action.withFindings(kept);
    }
    if (exemption.lowerTo() == Verdict.ALLOW) {
      relaxations.add(relaxation(exemption, action, "exempted", exemption.reason()));
      return null;
    }
    if (exemption.lowerTo().compareTo(action.verdict()) < 0) {
      relaxations.add(
          relaxation(exemption, action, "lowered", "to " + exemption.lowerTo().wireName()));
      return action.withVerdict(exemption.lowerTo());
    }
    return action;
  }

  private boolean expired(Exemption exemption) {
    return exemption.expires() != null && today.isAfter(exemption.expires());
  }

  private static Resolution.Relaxation relaxation(
      Exemption exemption, Action action, String outcome, String detail) {
    return new Resolution.Relaxation(exemption.ruleId(), action.ruleId(), outcome, detail);
  }
}
