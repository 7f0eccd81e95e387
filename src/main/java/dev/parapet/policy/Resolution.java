package dev.parapet.policy;

import dev.parapet.model.Action;
import dev.parapet.model.Exemption;
import dev.parapet.model.Verdict;
import java.util.List;

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

  /**
   * One exemption meeting one action.
   *
   * @param outcome {@code exempted}, {@code lowered}, {@code narrowed} (findings of a type
   *     removed), {@code kept-mandatory} (the action was not overridable), {@code expired}
   */
  public record Relaxation(
      String exemptionRule, String targetRule, String outcome, String detail) {}
}
