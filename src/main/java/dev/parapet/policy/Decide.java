package dev.parapet.policy;

import dev.parapet.model.Action;
import dev.parapet.model.Exemption;
import dev.parapet.model.Finding;
import dev.parapet.model.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What rules call to decide: the global {@code decide} of every rule file. One instance serves one
 * tier of one request; it knows which rule is firing, so rule authors never pass it.
 *
 * <pre>
 * global dev.parapet.policy.Decide decide;
 * ...
 * then
 *     decide.block("weapons instructions are never answered", $f);
 * </pre>
 */
public final class Decide {

  /** The rule now firing, with what its file declared about it. */
  public record FiringRule(
      String id, String tier, boolean overridable, String approvedBy, LocalDate expires) {}

  private final String tier;

  /** Each (rule, verdict)'s action so far, in the order they were first decided. */
  private final Map<ActionKey, Acting> acting = new LinkedHashMap<>();

  private final List<Exemption> exemptions = new ArrayList<>();
  private FiringRule firing;

  /** The last action decided: a rule usually fires many times in a row, once per finding. */
  private Acting last;

  private record ActionKey(FiringRule rule, Verdict verdict) {}

  /**
   * An action and the findings its firings named. A finding can be named twice (a rule that joins
   * findings fires once per pair); {@link #distinctFindings} drops the repeats once, at the end,
   * where a set kept up to date on every firing grew and rehashed all along a dense text's rules.
   */
  private static final class Acting {
    private final FiringRule rule;
    private final Verdict verdict;
    private final Action action;
    private final List<Finding> findings = new ArrayList<>();

    private Acting(FiringRule rule, Verdict verdict, Action action) {
      this.rule = rule;
      this.verdict = verdict;
      this.action = action;
    }

    private void add(Finding finding) {
      findings.add(finding);
    }

    /**
     * Each finding once, in the order first named. The rule fired for the facts the engine holds,
     * so a finding is known by identity: the engine's store has already given each its identity
     * hash, where hashing the record's seven fields was a tenth of a dense text's rules.
     */
    private List<Finding> distinctFindings() {
      if (findings.size() < 2) {
        return new ArrayList<>(findings);
      }
      Set<Finding> seen = Collections.newSetFromMap(new IdentityHashMap<>(findings.size()));
      List<Finding> out = new ArrayList<>(findings.size());
      for (Finding f : findings) {
        if (seen.add(f)) {
          out.add(f);
        }
      }
      return out;
    }
  }

  public Decide(String tier) {
    this.tier = tier;
  }

  /** Called before each rule's consequence runs. */
  public void firing(FiringRule rule) {
    this.firing = rule;
  }

  /** Blocks the text; the findings say what it is about. */
  public void block(String reason, Object... findings) {
    act(Verdict.BLOCK, reason, findings);
  }

  /** Redacts the spans of the given findings. */
  public void redact(String reason, Object... findings) {
    act(Verdict.REDACT, reason, findings);
  }

  /** Records an explicit allow, which explains a decision without changing it. */
  public void allow(String reason, Object... findings) {
    act(Verdict.ALLOW, reason, findings);
  }

  /** Relaxes a more authoritative tier's overridable rule entirely. */
  public void exemptRule(String ruleId, String reason) {
    exempt(reason, ruleId, null, Verdict.ALLOW);
  }

  /** Stops more authoritative tiers' overridable rules from acting on findings of a type. */
  public void exemptType(String findingType, String reason) {
    exempt(reason, null, findingType, Verdict.ALLOW);
  }

  /** Lowers a more authoritative tier's overridable rule to a milder verdict. */
  public void lower(String ruleId, Verdict to, String reason) {
    exempt(reason, ruleId, null, to);
  }

  private void act(Verdict verdict, String reason, Object[] findings) {
    FiringRule rule = current();
    Acting into = last;
    if (into == null || into.rule != rule || into.verdict != verdict) {
      // only a rule's first firing makes the action, with that firing's reason
      into =
          acting.computeIfAbsent(
              new ActionKey(rule, verdict),
              k ->
                  new Acting(
                      rule,
                      verdict,
                      new Action(rule.id(), tier, verdict, reason, rule.overridable(), List.of())));
      last = into;
    }
    if (findings.length == 1 && findings[0] instanceof Finding single) {
      into.add(single);
    } else {
      flatten(findings).forEach(into::add);
    }
  }

  private void exempt(String reason, String ruleId, String type, Verdict to) {
    FiringRule rule = current();
    Exemption exemption =
        new Exemption(rule.id(), tier, reason, ruleId, type, to, rule.approvedBy(), rule.expires());
    if (!exemptions.contains(exemption)) {
      exemptions.add(exemption);
    }
  }

  private FiringRule current() {
    if (firing == null) {
      throw new IllegalStateException("decide is only usable from a rule's consequence");
    }
    return firing;
  }

  private static List<Finding> flatten(Object[] items) {
    List<Finding> out = new ArrayList<>();
    for (Object item : items) {
      if (item instanceof Finding f) {
        out.add(f);
      } else if (item instanceof Collection<?> many) {
        for (Object each : many) {
          if (each instanceof Finding f) {
            out.add(f);
          }
        }
      } else if (item != null) {
        throw new IllegalArgumentException(
            "decide takes findings or collections of findings, not "
                + item.getClass().getSimpleName());
      }
    }
    return out;
  }

  public List<Action> actions() {
    List<Action> out = new ArrayList<>(acting.size());
    for (Acting a : acting.values()) {
      out.add(a.action.withFindings(a.distinctFindings()));
    }
    return out;
  }

  public List<Exemption> exemptions() {
    return List.copyOf(exemptions);
  }
}
