package dev.parapet.check;

/**
 * A rule that shaped the decision, as the caller sees it.
 *
 * @param action {@code allow}, {@code redact}, {@code block}, or {@code exempt} for a rule that
 *     relaxed a more authoritative tier's action
 */
public record RuleHit(String id, String tier, String action, String reason) {}
