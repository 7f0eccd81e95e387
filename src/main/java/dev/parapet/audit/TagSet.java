package dev.parapet.audit;

import java.util.List;

/**
 * The rules that fired on a record and the types of its findings, the two things auditors filter
 * and count by. The store keeps each distinct set once, named by a digest of its contents, and a
 * record points at its set: most decisions share a handful of sets, so a record costs one index
 * entry instead of one side row per rule and per type.
 *
 * @param id the digest that names the set; the same on every node
 */
record TagSet(String id, List<String> rules, List<String> types) {

  static final String RULE = "rule";
  static final String TYPE = "type";

  /** The record's set, or null when it has no rule and no finding. */
  static TagSet of(AuditRecord record) {
    List<String> rules = record.rules().stream().distinct().sorted().toList();
    List<String> types =
        record.findings().stream().map(AuditRecord.AuditFinding::type).distinct().sorted().toList();
    if (rules.isEmpty() && types.isEmpty()) {
      return null;
    }
    StringBuilder canonical = new StringBuilder();
    append(canonical, RULE, rules);
    append(canonical, TYPE, types);
    return new TagSet(Canonical.sha256(canonical.toString()), rules, types);
  }

  /** The set's contents as {@link #entry} strings, to compare with what the store holds. */
  java.util.Set<String> entries() {
    java.util.Set<String> entries = new java.util.TreeSet<>();
    rules.forEach(r -> entries.add(entry(RULE, r)));
    types.forEach(t -> entries.add(entry(TYPE, t)));
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
