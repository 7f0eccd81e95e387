package dev.parapet.policy;

import dev.parapet.model.Action;
import dev.parapet.model.Exemption;
import dev.parapet.model.Finding;
import dev.parapet.model.Verdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
      String id, String tier, boolean overridable, String approvedBy, String expires) {}

  private final String tier;
  private final Map<String, Action> actions = new LinkedHashMap<>();

  /** Findings of each action so far; a set, since one rule may fire for thousands of findings. */
  private final Map<String, java.util.LinkedHashSet<Finding>> findingsOf = new LinkedHashMap<>();

  private final List<Exemption> exemptions = new ArrayList<>();
  private FiringRule firing;

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
    List<Finding> about = flatten(findings);
    String key = rule.id() + "\u0000" + verdict;
    findingsOf.computeIfAbsent(key, k -> new java.util.LinkedHashSet<>()).addAll(about);
    // a rule fires once per finding: only its first firing makes the action
    actions.computeIfAbsent(
        key, k -> new Action(rule.id(), tier, verdict, reason, rule.overridable(), List.of()));
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
    List<Action> out = new ArrayList<>(actions.size());
    actions.forEach(
        (key, action) -> out.add(action.withFindings(new ArrayList<>(findingsOf.get(key)))));
    return out;
  }

  public List<Exemption> exemptions() {
    return List.copyOf(exemptions);
  }
}
