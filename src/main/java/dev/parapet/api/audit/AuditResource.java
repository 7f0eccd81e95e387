package dev.parapet.api.audit;

import dev.parapet.api.ErrorCode;
import dev.parapet.api.ProblemException;
import dev.parapet.api.QueryParams;
import dev.parapet.app.AuditRuntime;
import dev.parapet.audit.AuditCursor;
import dev.parapet.audit.AuditExport;
import dev.parapet.audit.AuditQuery;
import dev.parapet.audit.AuditRecord;
import dev.parapet.audit.AuditStore;
import dev.parapet.audit.ChainVerifier;
import dev.parapet.audit.HeadStore;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The auditors' API: query, fetch, verify, export and count decisions. Role: auditor. */
@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  private static final Set<String> STATS_BY =
      Set.of(
          "decision", "rule", "ruleAction", "type", "profile", "tenant", "stage", "caller", "time");
  private static final String STATS_BY_NAMES =
      "decision, rule, ruleAction, type, profile, tenant, stage, caller or time";

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
      @BeanParam AuditFilters filters,
      @QueryParam("limit") @Parameter(description = "Page size, 1 to 1000 (default 50)")
          String limit,
      @QueryParam("cursor") @Parameter(description = "The nextCursor of the page before")
          String cursor,
      @Context UriInfo uri)
      throws SQLException {
    knownParameters(uri, "limit", "cursor");
    int size = QueryParams.integer("limit", limit, 50, 1, 1000);
    AuditQuery query = filters.query();
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
  @Operation(
      summary = "Verify the hash chains against the signed checkpoints",
      description =
          "Recomputes every record's hash, link, searchable columns and tags, and holds each chain"
              + " against its signed heads. Lists every bad or missing record up to 'limit', with"
              + " a count of all; records outside the filters are walked but not reported, missing"
              + " ones always are.")
  public ChainVerifier.Verification verify(
      @BeanParam AuditFilters filters,
      @QueryParam("limit")
          @Parameter(
              description = "Most problems listed, 1 to 10000 (default 100); all are counted")
          String limit,
      @Context UriInfo uri)
      throws SQLException {
    knownParameters(uri, "limit");
    int most = QueryParams.integer("limit", limit, ChainVerifier.DEFAULT_LIMIT, 1, 10_000);
    return audit.verifier().verify(filters.query(), most);
  }

  /** A public key that signs chain heads, as auditors pin it. */
  public record SigningKey(
      String keyId, String node, String algorithm, String publicKey, String firstSeen) {}

  /** The keys, and which of them this instance signs with. */
  public record SigningKeys(String current, List<SigningKey> keys) {}

  @GET
  @Path("/keys")
  @Operation(
      summary = "The public keys that sign chain heads",
      description =
          "PEM (X.509) Ed25519 keys of every instance that registered one; 'current' is this"
              + " instance's. Pin them out of band and pass them to bin/parapet verify.")
  public SigningKeys keys() throws SQLException {
    List<SigningKey> keys = new ArrayList<>();
    for (HeadStore.PublicKeyEntry k : audit.keys()) {
      keys.add(new SigningKey(k.keyId(), k.node(), "Ed25519", k.publicKey(), k.firstSeen()));
    }
    String current = audit.signer().keyId();
    if (keys.stream().noneMatch(k -> k.keyId().equals(current))) {
      keys.add(
          new SigningKey(current, audit.log().node(), "Ed25519", audit.signer().publicPem(), null));
    }
    return new SigningKeys(current, keys);
  }

  @GET
  @Path("/stats")
  @Operation(
      summary = "Counts of matching decisions by one dimension",
      description =
          "Groups by decision, rule, type, profile, tenant, stage, caller, or time in buckets"
              + " (by=time&bucket=1h; keys are each bucket's start, oldest first). by=ruleAction"
              + " counts per rule id what the rule did, {rule: {action: count}}: allow, redact or"
              + " block for a rule that stood, exempted, lowered, narrowed, kept-mandatory or"
              + " expired for an exemption. by=rule counts every rule that acted, exemptions"
              + " included.")
  public Map<String, Object> stats(
      @BeanParam AuditFilters filters,
      @QueryParam("by")
          @Parameter(
              description =
                  "decision (default), rule, ruleAction, type, profile, tenant, stage, caller or"
                      + " time")
          String by,
      @QueryParam("bucket")
          @Parameter(
              description =
                  "With by=time, the bucket width: a number and s, m, h or d, e.g. 15m, 1h, 1d"
                      + " (default 1h)")
          String bucket,
      @Context UriInfo uri)
      throws SQLException {
    knownParameters(uri, "by", "bucket");
    String dimension = by == null ? "decision" : by;
    if (!STATS_BY.contains(dimension)) {
      throw bad("'by' must be " + STATS_BY_NAMES);
    }
    if (bucket != null && !dimension.equals("time")) {
      throw bad("'bucket' goes with by=time only");
    }
    AuditQuery query = filters.query();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("by", dimension);
    if (dimension.equals("time")) {
      Duration width = StatsBucket.parse(bucket);
      answer.put("bucket", StatsBucket.format(width));
      answer.put("counts", audit.store().stats(query, dimension, width));
    } else if (dimension.equals("ruleAction")) {
      answer.put("counts", audit.store().statsByRuleAction(query));
    } else {
      answer.put("counts", audit.store().stats(query, dimension));
    }
    return answer;
  }

  @GET
  @Path("/export")
  @Produces({"application/x-ndjson", "text/csv"})
  @Operation(summary = "Stream matching decisions as JSON lines or CSV")
  public Response export(
      @QueryParam("format") @Parameter(description = "jsonl (default) or csv") String format,
      @BeanParam AuditFilters filters,
      @Context UriInfo uri) {
    knownParameters(uri, "format");
    String kind = format == null ? "jsonl" : format;
    if (!kind.equals("jsonl") && !kind.equals("csv")) {
      throw bad("'format' must be jsonl or csv");
    }
    AuditQuery query = filters.query();
    AuditStore store = audit.store();
    AuditExport jsonl = new AuditExport(store, audit.headFiles());
    StreamingOutput body =
        out -> {
          BufferedWriter writer =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          try {
            if (kind.equals("jsonl")) {
              jsonl.writeJsonl(query, writer);
            } else {
              writer.write(AuditCsv.HEADER);
              store.stream(query, null, 0, r -> csvRow(writer, r));
            }
          } catch (SQLException e) {
            throw new IOException("export failed", e);
          } catch (UncheckedIOException e) {
            throw e.getCause();
          }
          writer.flush();
        };
    return Response.ok(body)
        .type(kind.equals("csv") ? "text/csv" : "application/x-ndjson")
        .header("Content-Disposition", "attachment; filename=\"decisions." + kind + "\"")
        .build();
  }

  private static void csvRow(BufferedWriter writer, AuditRecord r) {
    try {
      writer.write(AuditCsv.row(r));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Refuses a query parameter this endpoint does not take: a mistyped filter ({@code tennant})
   * would otherwise widen the answer without a word.
   */
  private static void knownParameters(UriInfo uri, String... own) {
    Set<String> known = new TreeSet<>(AuditFilters.NAMES);
    known.addAll(List.of(own));
    for (String name : uri.getQueryParameters().keySet()) {
      if (!known.contains(name)) {
        throw bad("unknown query parameter '" + name + "'; this endpoint takes " + known);
      }
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
    return AuditFilters.bad(detail);
  }
}
