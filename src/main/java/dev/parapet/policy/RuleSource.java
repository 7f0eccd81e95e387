package dev.parapet.policy;

/**
 * Where a compiled rule comes from, for officers reading the policy: its id, its tier, the rule
 * file (relative to the rules directory) and the line declaring it, and whether a less
 * authoritative tier may relax what it does.
 */
public record RuleSource(String id, String tier, String file, int line, boolean overridable) {}
