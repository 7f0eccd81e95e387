package dev.parapet.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * Filters on the decision log; null members do not filter.
 *
 * @param from inclusive
 * @param to exclusive
 * @param shadowDecision the shadow candidate's differing verdict (allow, redact, block or error)
 * @param caller the key id or JWT subject that called
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
    String shadowDecision,
    String caller) {

  /** Filters without the caller. */
  public AuditQuery(
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
    this(from, to, decision, profile, tenant, stage, rule, type, requestId, shadowDecision, null);
  }

  /** Filters without the shadow candidate's verdict. */
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
    this(from, to, decision, profile, tenant, stage, rule, type, requestId, null, null);
  }

  /** The same filters, and only records whose shadow candidate decided {@code value}. */
  public AuditQuery withShadowDecision(String value) {
    return new AuditQuery(
        from, to, decision, profile, tenant, stage, rule, type, requestId, value, caller);
  }

  /** The same filters, and only records of the caller {@code value}. */
  public AuditQuery withCaller(String value) {
    return new AuditQuery(
        from, to, decision, profile, tenant, stage, rule, type, requestId, shadowDecision, value);
  }

  public static AuditQuery all() {
    return new AuditQuery(null, null, null, null, null, null, null, null, null, null, null);
  }

  /** The same filters over another time range. */
  public AuditQuery between(Instant start, Instant end) {
    return new AuditQuery(
        start,
        end,
        decision,
        profile,
        tenant,
        stage,
        rule,
        type,
        requestId,
        shadowDecision,
        caller);
  }

  /** Whether any filter other than the time range is set. */
  public boolean narrowed() {
    return decision != null
        || profile != null
        || tenant != null
        || stage != null
        || rule != null
        || type != null
        || requestId != null
        || shadowDecision != null
        || caller != null;
  }

  /** Whether a record passes every filter, judged on what the record itself holds. */
  public boolean matches(AuditRecord r) {
    long time;
    try {
      time = Instant.parse(r.time()).toEpochMilli();
    } catch (RuntimeException e) {
      return true; // an unreadable time cannot be excluded
    }
    return (from == null || time >= from.toEpochMilli())
        && (to == null || time < to.toEpochMilli())
        && same(decision, r.decision())
        && same(profile, r.profile())
        && same(tenant, r.tenant())
        && same(stage, r.stage())
        && same(requestId, r.requestId())
        && same(shadowDecision, r.shadowDecision())
        && same(caller, r.caller())
        && (rule == null || r.rules().contains(rule))
        && (type == null || r.findings().stream().anyMatch(f -> type.equals(f.type())));
  }

  private static boolean same(String wanted, String actual) {
    return wanted == null || Objects.equals(wanted, actual);
  }
}
