package dev.parapet.api.audit;

import dev.parapet.api.ErrorCode;
import dev.parapet.api.ProblemException;
import dev.parapet.audit.AuditQuery;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The filters every auditors' query takes, the same on decisions, stats, export and verify: one
 * definition, so that no endpoint can silently ignore one.
 */
public class AuditFilters {

  /** The names of the filters, for telling a known parameter from a mistyped one. */
  static final Set<String> NAMES =
      Set.of(
          "from",
          "to",
          "decision",
          "profile",
          "tenant",
          "stage",
          "rule",
          "type",
          "requestId",
          "shadowDecision",
          "caller");

  private static final Set<String> DECISIONS = Set.of("allow", "redact", "block");
  private static final Set<String> SHADOW_DECISIONS = Set.of("allow", "redact", "block", "error");
  private static final Set<String> STAGES = Set.of("input", "output");

  @QueryParam("from")
  @Parameter(description = "Records at or after this ISO-8601 instant, e.g. 2026-11-28T10:00:00Z")
  public String from;

  @QueryParam("to")
  @Parameter(description = "Records before this ISO-8601 instant")
  public String to;

  @QueryParam("decision")
  @Parameter(description = "allow, redact or block")
  public String decision;

  @QueryParam("profile")
  @Parameter(description = "The profile the request was checked with")
  public String profile;

  @QueryParam("tenant")
  @Parameter(description = "The request's tenant")
  public String tenant;

  @QueryParam("stage")
  @Parameter(description = "input or output")
  public String stage;

  @QueryParam("rule")
  @Parameter(description = "A rule id that acted on the decision, e.g. baseline/pii-redact")
  public String rule;

  @QueryParam("type")
  @Parameter(description = "A finding type, e.g. EMAIL_ADDRESS")
  public String type;

  @QueryParam("requestId")
  @Parameter(description = "The caller's request id")
  public String requestId;

  @QueryParam("shadowDecision")
  @Parameter(
      description =
          "The shadow candidate's verdict where it differed: allow, redact, block or error")
  public String shadowDecision;

  @QueryParam("caller")
  @Parameter(
      description =
          "The key id (from the keys file) or JWT subject (jwt:<sub>) that made the request")
  public String caller;

  /** The filters as a query, each checked; a bad one is a 400 naming it. */
  AuditQuery query() {
    if (decision != null && !DECISIONS.contains(decision)) {
      throw bad("'decision' must be allow, redact or block");
    }
    if (shadowDecision != null && !SHADOW_DECISIONS.contains(shadowDecision)) {
      throw bad("'shadowDecision' must be allow, redact, block or error");
    }
    if (stage != null && !STAGES.contains(stage)) {
      throw bad("'stage' must be input or output");
    }
    Instant start = instant("from", from);
    Instant end = instant("to", to);
    if (start != null && end != null && !start.isBefore(end)) {
      throw bad("'from' must be before 'to'");
    }
    return new AuditQuery(
        start,
        end,
        decision,
        blankToNull(profile),
        tenant,
        stage,
        blankToNull(rule),
        blankToNull(type),
        blankToNull(requestId),
        shadowDecision,
        blankToNull(caller));
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw bad("'" + name + "' must be an ISO-8601 instant such as 2026-11-28T10:00:00Z");
    }
  }

  static ProblemException bad(String detail) {
    return new ProblemException(ErrorCode.INVALID_REQUEST, detail);
  }
}
