package dev.parapet.audit;

import java.time.Instant;

/**
 * Filters on the decision log; null members do not filter.
 *
 * @param from inclusive
 * @param to exclusive
 * @param shadowDecision the shadow candidate's decision where it disagreed
 */
public record AuditQuery(
    Instant from,
    Instant to,
    String decision,
    String profile,
    String tenant,
    String stage,
    String rule,
    String type,
    String requestId,
    String shadowDecision) {

  public AuditQuery(
      Instant from,
      Instant to,
      String decision,
      String profile,
      String tenant,
      String stage,
      String rule,
      String type,
      String requestId) {
    this(from, to, decision, profile, tenant, stage, rule, type, requestId, null);
  }

  /** The same filters, and only records whose shadow candidate decided {@code value}. */
  public AuditQuery withShadowDecision(String value) {
    return new AuditQuery(from, to, decision, profile, tenant, stage, rule, type, requestId, value);
  }

  public static AuditQuery all() {
    return new AuditQuery(null, null, null, null, null, null, null, null, null);
  }
}
