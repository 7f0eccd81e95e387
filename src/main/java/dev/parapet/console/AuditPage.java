package dev.parapet.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.api.auth.Role;
import dev.parapet.app.AuditRuntime;
import dev.parapet.audit.AuditCursor;
import dev.parapet.audit.AuditQuery;
import dev.parapet.audit.AuditRecord;
import dev.parapet.audit.AuditSeries;
import dev.parapet.audit.AuditStore;
import dev.parapet.audit.ChainVerifier;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Audit: decisions filtered and paged by cursor, a chart of them over time, one record with its
 * chain position, Verify over a time range, and CSV or JSON lines export of the filter. Role:
 * auditor.
 */
@Path("/console/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPage {

  static final int PAGE = 50;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConsoleGate gate;
  private final AuditRuntime audit;

  /** The charts' counts over the open store; it remembers tag sets, so it is kept. */
  private volatile AuditSeries series;

  public AuditPage(ConsoleGate gate, AuditRuntime audit) {
    this.gate = gate;
    this.audit = audit;
  }

  /** The filter fields, the same on every audit page. */
  public static class FilterParams {
    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    @QueryParam("tz")
    String tz;

    @QueryParam("decision")
    String decision;

    @QueryParam("profile")
    String profile;

    @QueryParam("tenant")
    String tenant;

    @QueryParam("stage")
    String stage;

    @QueryParam("rule")
    String rule;

    @QueryParam("type")
    String type;

    AuditFilter filter() {
      return new AuditFilter(from, to, tz, decision, profile, tenant, stage, rule, type);
    }
  }

  @GET
  public Response list(
      @Context HttpHeaders headers,
      @BeanParam FilterParams params,
      @QueryParam("cursor") String cursor)
      throws SQLException {
    ConsoleSessions.Session session = gate.require(headers, Role.AUDITOR);
    long started = System.nanoTime();
    AuditFilter filter = params.filter();
    AuditView view;
    int status = 200;
    try {
      AuditQuery query = filter.query();
      AuditStore store = audit.store();
      List<AuditRecord> items = store.page(query, cursor(cursor), PAGE);
      String next = items.size() < PAGE ? null : AuditCursor.after(items.get(items.size() - 1));
      String qs = filter.queryString();
      view =
          new AuditView(
              filter,
              items.stream().map(AuditPage::row).toList(),
              next == null
                  ? null
                  : (qs.isEmpty() ? "" : qs + "&")
                      + "cursor="
                      + URLEncoder.encode(next, StandardCharsets.UTF_8),
              qs,
              List.of(),
              null,
              millis(started));
    } catch (ConsoleInputException e) {
      status = 400;
      view =
          new AuditView(
              filter, List.of(), null, filter.queryString(), List.of(), e.getMessage(), "");
    }
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE)
        .entity(Templates.audit(Nav.of(session, "audit", gate.authEnabled()), view))
        .build();
  }

  /**
   * The charts of the filter, apart from the list: they count every decision in the range, which
   * takes longer than a page of 50, so the page asks for them once it is shown.
   */
  @GET
  @Path("/charts")
  public Response charts(@Context HttpHeaders headers, @BeanParam FilterParams params)
      throws SQLException {
    ConsoleSessions.Session session = gate.require(headers, Role.AUDITOR);
    long started = System.nanoTime();
    AuditFilter filter = params.filter();
    AuditView view;
    int status = 200;
    try {
      List<DecisionChart.Chart> charts =
          DecisionChart.draw(series()::cells, filter.query(), Instant.now());
      view =
          new AuditView(
              filter, List.of(), null, filter.queryString(), charts, null, millis(started));
    } catch (ConsoleInputException e) {
      status = 400;
      view =
          new AuditView(
              filter, List.of(), null, filter.queryString(), List.of(), e.getMessage(), "");
    }
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE)
        .entity(Templates.charts(Nav.of(session, "audit", gate.authEnabled()), view))
        .build();
  }

  @GET
  @Path("/records/{auditId}")
  public TemplateInstance record(@Context HttpHeaders headers, @PathParam("auditId") String id)
      throws SQLException, IOException {
    ConsoleSessions.Session session = gate.require(headers, Role.AUDITOR);
    AuditRecord r =
        audit
            .store()
            .find(id)
            .orElseThrow(() -> new NotFoundPage("No decision with audit id " + id + "."));
    List<RecordView.Field> fields = new ArrayList<>();
    fields.add(new RecordView.Field("Request id", r.requestId()));
    fields.add(new RecordView.Field("Tenant", r.tenant()));
    fields.add(new RecordView.Field("Profile", r.profile()));
    fields.add(new RecordView.Field("Stage", r.stage()));
    fields.add(new RecordView.Field("Policy version", r.policyVersion()));
    fields.add(new RecordView.Field("Text length", Integer.toString(r.textLength())));
    fields.add(new RecordView.Field("Checked up to", Integer.toString(r.checkedEnd())));
    fields.add(new RecordView.Field("Text hash (HMAC-SHA256)", r.textHash()));
    fields.add(new RecordView.Field("Took", String.format(Locale.ROOT, "%.2f ms", r.tookMs())));
    fields.add(new RecordView.Field("Failed closed", Boolean.toString(r.failedClosed())));
    fields.add(new RecordView.Field("Errors", String.join("; ", r.errors())));
    fields.add(
        new RecordView.Field(
            "Shadow decision", r.shadowDecision() == null ? "" : r.shadowDecision()));
    fields.add(new RecordView.Field("Record version", Integer.toString(r.v())));
    // the "why" of a format-2 record: who called, with what context, and what each rule did
    fields.add(new RecordView.Field("Caller", r.caller() == null ? "" : r.caller()));
    fields.add(new RecordView.Field("Context", pairs(r.context())));
    fields.add(new RecordView.Field("Context, hashed (sensitive keys)", pairs(r.hashedContext())));
    fields.add(
        new RecordView.Field(
            "Rule actions",
            r.ruleActions() == null
                ? ""
                : r.ruleActions().stream()
                    .map(a -> a.rule() + " (" + a.tier() + "): " + a.action() + ", " + a.reason())
                    .collect(java.util.stream.Collectors.joining("; "))));
    fields.add(
        new RecordView.Field(
            "Exemption outcomes",
            r.relaxations() == null
                ? ""
                : r.relaxations().stream()
                    .map(x -> x.rule() + " on " + x.target() + ": " + x.outcome())
                    .collect(java.util.stream.Collectors.joining("; "))));
    fields.add(
        new RecordView.Field("Shadow version", r.shadowVersion() == null ? "" : r.shadowVersion()));
    return Templates.record(
        Nav.of(session, "audit", gate.authEnabled()),
        new RecordView(
            r.auditId(),
            r.time(),
            r.decision(),
            fields,
            r.findings().stream()
                .map(
                    f ->
                        new RecordView.FindingRow(
                            f.detector(),
                            f.type(),
                            f.start(),
                            f.end(),
                            f.severity(),
                            f.message() == null
                                ? ""
                                : "message "
                                    + f.message()
                                    + (f.role() == null ? "" : " (" + f.role() + ")")))
                .toList(),
            r.rules(),
            r.node(),
            r.seq(),
            r.prevHash(),
            r.hash(),
            r.storedText(),
            JSON.writerWithDefaultPrettyPrinter().writeValueAsString(r)));
  }

  @GET
  @Path("/verify")
  public Response verify(
      @Context HttpHeaders headers, @BeanParam FilterParams params, @QueryParam("run") String run)
      throws SQLException {
    ConsoleSessions.Session session = gate.require(headers, Role.AUDITOR);
    AuditFilter filter = params.filter();
    VerifyView view = new VerifyView(filter, false, false, 0, null, null, null);
    int status = 200;
    if (run != null) {
      try {
        AuditQuery q = filter.query();
        ChainVerifier.Verification v = audit.verifier().verify(q.from(), q.to());
        view = new VerifyView(filter, true, v.ok(), v.checked(), v.firstBad(), v.reason(), null);
      } catch (ConsoleInputException e) {
        status = 400;
        view = new VerifyView(filter, false, false, 0, null, null, e.getMessage());
      }
    }
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE)
        .entity(Templates.verify(Nav.of(session, "verify", gate.authEnabled()), view))
        .build();
  }

  /** The current filter's decisions as CSV or JSON lines, streamed. */
  @GET
  @Path("/export")
  @Produces({"text/csv", "application/x-ndjson", MediaType.TEXT_HTML})
  public Response export(
      @Context HttpHeaders headers,
      @BeanParam FilterParams params,
      @QueryParam("format") String format) {
    gate.require(headers, Role.AUDITOR);
    boolean csv = !"jsonl".equals(format);
    AuditQuery query;
    try {
      query = params.filter().query();
    } catch (ConsoleInputException e) {
      return Response.status(400).type(MediaType.TEXT_PLAIN_TYPE).entity(e.getMessage()).build();
    }
    AuditStore store = audit.store();
    StreamingOutput body =
        out -> {
          BufferedWriter writer =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          if (csv) {
            writer.write(ConsoleCsv.HEADER);
          }
          try {
            store.stream(
                query,
                null,
                0,
                r -> {
                  try {
                    writer.write(csv ? ConsoleCsv.row(r) : JSON.writeValueAsString(r) + "\n");
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
          } catch (SQLException e) {
            throw new IOException("export failed", e);
          }
          writer.flush();
        };
    String kind = csv ? "csv" : "jsonl";
    return Response.ok(body)
        .type(csv ? "text/csv" : "application/x-ndjson")
        .header("Content-Disposition", "attachment; filename=\"decisions." + kind + "\"")
        .build();
  }

  private AuditSeries series() {
    AuditStore store = audit.store();
    AuditSeries s = series;
    if (s == null || !s.over(store)) {
      s = new AuditSeries(store);
      series = s;
    }
    return s;
  }

  private static AuditView.Row row(AuditRecord r) {
    return new AuditView.Row(
        r.auditId(),
        r.time(),
        r.decision(),
        r.profile(),
        r.tenant(),
        r.stage(),
        String.join(", ", r.rules()),
        r.findings().stream()
            .map(AuditRecord.AuditFinding::type)
            .distinct()
            .collect(Collectors.joining(", ")));
  }

  private static AuditStore.Cursor cursor(String cursor) {
    try {
      return AuditCursor.parse(cursor);
    } catch (IllegalArgumentException e) {
      throw new ConsoleInputException("That page link is no longer valid; start again.");
    }
  }

  private static String millis(long started) {
    return String.format(Locale.ROOT, "%.0f", (System.nanoTime() - started) / 1e6);
  }

  private static String pairs(java.util.Map<String, String> map) {
    return map == null
        ? ""
        : map.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(java.util.stream.Collectors.joining(", "));
  }
}
