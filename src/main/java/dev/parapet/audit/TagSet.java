package dev.parapet.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules that fired on a record, the types of its findings and what each rule did, the things
 * auditors filter and count by. The store keeps each distinct set once, named by a digest of its
 * contents, and a record points at its set: most decisions share a handful of sets, so a record
 * costs one index entry instead of one side row per rule and per type.
 *
 * @param id the digest that names the set; the same on every node
 * @param actions what each rule did, as {@link #action} tags: a standing rule's {@code allow},
 *     {@code redact} or {@code block}, an exemption's outcome ({@code exempted}, {@code lowered},
 *     {@code narrowed}, {@code kept-mandatory}, {@code expired}); empty for version-1 records
 */
record TagSet(String id, List<String> rules, List<String> types, List<String> actions) {

  static final String RULE = "rule";
  static final String TYPE = "type";
  static final String ACTION = "action";

  /** What an exemption that took effect did is told by its outcome, not by this. */
  private static final String EXEMPT = "exempt";

  /** The record's set, or null when it has no rule, no finding and no action. */
  static TagSet of(AuditRecord record) {
    List<String> rules = record.rules().stream().distinct().sorted().toList();
    List<String> types =
        record.findings().stream().map(AuditRecord.AuditFinding::type).distinct().sorted().toList();
    List<String> actions = actions(record);
    if (rules.isEmpty() && types.isEmpty() && actions.isEmpty()) {
      return null;
    }
    StringBuilder canonical = new StringBuilder();
    append(canonical, RULE, rules);
    append(canonical, TYPE, types);
    // after the others, and nothing when empty: sets of version-1 records keep their names
    append(canonical, ACTION, actions);
    return new TagSet(Canonical.sha256(canonical.toString()), rules, types, actions);
  }

  private static List<String> actions(AuditRecord record) {
    Set<String> actions = new TreeSet<>();
    if (record.ruleActions() != null) {
      for (AuditRecord.AuditRuleAction hit : record.ruleActions()) {
        if (!EXEMPT.equals(hit.action())) {
          actions.add(action(hit.rule(), hit.action()));
        }
      }
    }
    if (record.relaxations() != null) {
      for (AuditRecord.AuditRelaxation relaxation : record.relaxations()) {
        actions.add(action(relaxation.rule(), relaxation.outcome()));
      }
    }
    return new ArrayList<>(actions);
  }

  /**
   * An action tag: the action, a colon, the rule id. Actions are a closed set of words without a
   * colon, so the first colon splits the tag whatever the rule id holds.
   */
  static String action(String rule, String action) {
    return action + ':' + rule;
  }

  /** The set's contents as {@link #entry} strings, to compare with what the store holds. */
  Set<String> entries() {
    Set<String> entries = new TreeSet<>();
    rules.forEach(r -> entries.add(entry(RULE, r)));
    types.forEach(t -> entries.add(entry(TYPE, t)));
    actions.forEach(a -> entries.add(entry(ACTION, a)));
    return entries;
  }

  static String entry(String kind, String tag) {
    return kind + '\u0000' + tag;
  }

  /** Length-prefixed, so that no rule name can make two different sets read alike. */
  private static void append(StringBuilder canonical, String kind, List<String> names) {
    for (String name : names) {
      canonical.append(kind).append(':').append(name.length()).append(':').append(name);
    }
  }
}
