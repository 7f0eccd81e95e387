package dev.parapet.api.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.api.ErrorCode;
import dev.parapet.api.ProblemException;
import dev.parapet.api.QueryParams;
import dev.parapet.app.AuditRuntime;
import dev.parapet.audit.AuditCursor;
import dev.parapet.audit.AuditQuery;
import dev.parapet.audit.AuditRecord;
import dev.parapet.audit.AuditStore;
import dev.parapet.audit.ChainVerifier;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The auditors' API: query, fetch, verify, export and count decisions. Role: auditor. */
@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  private static final Set<String> DECISIONS = Set.of("allow", "redact", "block");
  private static final Set<String> STAGES = Set.of("input", "output");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AuditRuntime audit;

  public AuditResource(AuditRuntime audit) {
    this.audit = audit;
  }

  /** A page of decisions and the cursor of the next one (null at the end). */
  public record Page(List<AuditRecord> items, String nextCursor) {}

  @GET
  @Path("/decisions")
  @Operation(summary = "Decisions, newest first, filtered, with cursor pagination")
  public Page decisions(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("decision") String decision,
      @QueryParam("profile") String profile,
      @QueryParam("tenant") String tenant,
      @QueryParam("stage") String stage,
      @QueryParam("rule") String rule,
      @QueryParam("type") String type,
      @QueryParam("requestId") String requestId,
      @QueryParam("shadowDecision") String shadowDecision,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor)
      throws SQLException {
    int size = QueryParams.integer("limit", limit, 50, 1, 1000);
    if (shadowDecision != null && !DECISIONS.contains(shadowDecision)) {
      throw bad("'shadowDecision' must be allow, redact or block");
    }
    AuditQuery query =
        query(from, to, decision, profile, tenant, stage, rule, type, requestId)
            .withShadowDecision(shadowDecision);
    List<AuditRecord> items = audit.store().page(query, decodeCursor(cursor), size);
    String next = items.size() < size ? null : AuditCursor.after(items.get(items.size() - 1));
    return new Page(items, next);
  }

  @GET
  @Path("/decisions/{auditId}")
  @Operation(summary = "One decision by its audit id")
  public AuditRecord decision(@PathParam("auditId") String auditId) throws SQLException {
    return audit
        .store()
        .find(auditId)
        .orElseThrow(
            () ->
                new ProblemException(ErrorCode.NOT_FOUND, "no decision with audit id " + auditId));
  }

  @GET
  @Path("/verify")
  @Operation(summary = "Verify the hash chains; names the first bad record")
  public ChainVerifier.Verification verify(
      @QueryParam("from") String from, @QueryParam("to") String to) throws SQLException {
    return audit.verifier().verify(instant("from", from), instant("to", to));
  }

  @GET
  @Path("/stats")
  @Operation(summary = "Counts by decision, rule, finding type or profile")
  public Map<String, Object> stats(
      @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("by") String by)
      throws SQLException {
    String dimension = by == null ? "decision" : by;
    if (!Set.of("decision", "rule", "type", "profile").contains(dimension)) {
      throw bad("'by' must be decision, rule, type or profile");
    }
    AuditQuery query = query(from, to, null, null, null, null, null, null, null);
    return Map.of("by", dimension, "counts", audit.store().stats(query, dimension));
  }

  @GET
  @Path("/export")
  @Produces({"application/x-ndjson", "text/csv"})
  @Operation(summary = "Stream matching decisions as JSON lines or CSV")
  public Response export(
      @QueryParam("format") String format,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("decision") String decision,
      @QueryParam("profile") String profile,
      @QueryParam("tenant") String tenant,
      @QueryParam("stage") String stage,
      @QueryParam("rule") String rule,
      @QueryParam("type") String type,
      @QueryParam("requestId") String requestId) {
    String kind = format == null ? "jsonl" : format;
    if (!kind.equals("jsonl") && !kind.equals("csv")) {
      throw bad("'format' must be jsonl or csv");
    }
    AuditQuery query = query(from, to, decision, profile, tenant, stage, rule, type, requestId);
    AuditStore store = audit.store();
    StreamingOutput body =
        out -> {
          BufferedWriter writer =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          if (kind.equals("csv")) {
            writer.write(AuditCsv.HEADER);
          }
          try {
            store.stream(
                query,
                null,
                0,
                r -> {
                  try {
                    writer.write(
                        kind.equals("csv") ? AuditCsv.row(r) : JSON.writeValueAsString(r) + "\n");
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
          } catch (SQLException e) {
            throw new IOException("export failed", e);
          }
          writer.flush();
        };
    return Response.ok(body)
        .type(kind.equals("csv") ? "text/csv" : "application/x-ndjson")
        .header("Content-Disposition", "attachment; filename=\"decisions." + kind + "\"")
        .build();
  }

  private static AuditQuery query(
      String from,
      String to,
      String decision,
      String profile,
      String tenant,
      String stage,
      String rule,
      String type,
      String requestId) {
    if (decision != null && !DECISIONS.contains(decision)) {
      throw bad("'decision' must be allow, redact or block");
    }
    if (stage != null && !STAGES.contains(stage)) {
      throw bad("'stage' must be input or output");
    }
    Instant start = instant("from", from);
    Instant end = instant("to", to);
    if (start != null && end != null && !start.isBefore(end)) {
      throw bad("'from' must be before 'to'");
    }
    return new AuditQuery(start, end, decision, profile, tenant, stage, rule, type, requestId);
  }

  private static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw bad("'" + name + "' must be an ISO-8601 instant such as 2026-11-28T10:00:00Z");
    }
  }

  private static AuditStore.Cursor decodeCursor(String cursor) {
    try {
      return AuditCursor.parse(cursor);
    } catch (IllegalArgumentException e) {
      throw bad("'cursor' is not one this API gave out; start again without it");
    }
  }

  private static ProblemException bad(String detail) {
    return new ProblemException(ErrorCode.INVALID_REQUEST, detail);
  }
}
