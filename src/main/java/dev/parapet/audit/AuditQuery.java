package dev.parapet.audit;

import java.time.Instant;

/**
 * Filters on the decision log; null members do not filter.
 *
 * @param from inclusive
 * @param to exclusive
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
    String requestId) {

  public static AuditQuery all() {
    return new AuditQuery(null, null, null, null, null, null, null, null, null);
  }
}
