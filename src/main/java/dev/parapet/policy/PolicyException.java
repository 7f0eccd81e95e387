package dev.parapet.policy;

/**
 * An exception to the policy (an exempting rule or an allowlist entry) with who approved it, why,
 * and until when, so false-positive fixes never become permanent holes.
 *
 * @param kind {@code rule} or {@code allowlist}
 * @param expires ISO date after which it no longer applies, or empty for none
 */
public record PolicyException(
    String kind, String id, String approvedBy, String reason, String expires, boolean inForce) {}
