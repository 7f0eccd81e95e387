package dev.parapet.console;

import dev.parapet.api.auth.Role;
import dev.parapet.app.AuditRuntime;
import dev.parapet.app.PolicyRuntime;
import dev.parapet.audit.AuditQuery;
import dev.parapet.audit.AuditRecord;
import dev.parapet.check.CheckRequest;
import dev.parapet.check.Decision;
import dev.parapet.check.PolicyTests;
import dev.parapet.model.Stage;
import dev.parapet.policy.Policy;
import dev.parapet.policy.PolicyException;
import dev.parapet.policy.PolicyHolder;
import dev.parapet.policy.PolicyTestRunner;
import dev.parapet.policy.TierRules;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Policy: what is live (profiles and tiers, rules with their file and line, lexicons, exceptions
 * and their expiry), how the last reload went, reload and run the policy tests, and the shadow
 * candidate's disagreements. Role: policy-admin.
 */
@Path("/console/policy")
@Produces(MediaType.TEXT_HTML)
public class PolicyPage {

  /** How many of the newest records are searched for shadow disagreements. */
  static final int SHADOW_SCAN = 2000;

  static final int SHADOW_SHOWN = 20;
  static final int EXPIRING_DAYS = 30;

  private final ConsoleGate gate;
  private final PolicyRuntime runtime;
  private final AuditRuntime audit;
  private final Clock clock;

  public PolicyPage(ConsoleGate gate, PolicyRuntime runtime, AuditRuntime audit) {
    this.gate = gate;
    this.runtime = runtime;
    this.audit = audit;
    this.clock = Clock.systemUTC();
  }

  @GET
  public TemplateInstance page(
      @Context HttpHeaders headers,
      @QueryParam("lexicon") String lexicon,
      @QueryParam("q") String q)
      throws SQLException {
    ConsoleSessions.Session session = gate.require(headers, Role.POLICY_ADMIN);
    return render(session, null, null, search(lexicon, q));
  }

  @POST
  @Path("/reload")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public TemplateInstance reload(@Context HttpHeaders headers, @FormParam("csrf") String csrf)
      throws SQLException {
    ConsoleSessions.Session session = gate.requireForm(headers, csrf, Role.POLICY_ADMIN);
    return render(session, reloadRow(runtime.reload()), null, null);
  }

  @POST
  @Path("/tests")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public TemplateInstance tests(@Context HttpHeaders headers, @FormParam("csrf") String csrf)
      throws SQLException {
    ConsoleSessions.Session session = gate.requireForm(headers, csrf, Role.POLICY_ADMIN);
    Policy current = runtime.current();
    PolicyView.TestsRow tests;
    if (current == null) {
      tests = new PolicyView.TestsRow(0, false, List.of("no policy is loaded"));
    } else {
      PolicyTestRunner.Report report = PolicyTests.run(current, runtime.rulesDir());
      tests =
          new PolicyView.TestsRow(
              report.cases(),
              report.passed(),
              report.failures().stream().map(Object::toString).toList());
    }
    return render(session, null, tests, null);
  }

  /** A shadow disagreement: the live decision beside the candidate's. */
  @GET
  @Path("/shadow/{auditId}")
  public TemplateInstance shadow(@Context HttpHeaders headers, @PathParam("auditId") String id)
      throws SQLException {
    ConsoleSessions.Session session = gate.require(headers, Role.POLICY_ADMIN);
    AuditRecord r =
        audit
            .store()
            .find(id)
            .filter(x -> x.shadowDecision() != null)
            .orElseThrow(
                () -> new NotFoundPage("No shadow disagreement with audit id " + id + "."));
    ShadowView.Side live =
        new ShadowView.Side(
            "Live policy",
            r.decision(),
            r.rules(),
            r.findings().stream()
                .map(f -> f.type() + " [" + f.start() + ", " + f.end() + ")")
                .toList(),
            r.policyVersion());
    ShadowView.Side candidate =
        new ShadowView.Side("Shadow candidate", r.shadowDecision(), null, null, "");
    String note =
        "The record keeps no text, so only the candidate's verdict is known; its rules cannot be"
            + " replayed.";
    Policy current = runtime.current();
    Policy shadow = current == null ? null : current.shadowOf(r.profile()).orElse(null);
    if (r.storedText() != null && shadow != null) {
      Decision replay = replay(shadow, r);
      candidate =
          new ShadowView.Side(
              "Shadow candidate (replayed on the stored text)",
              replay.verdict().wireName(),
              replay.rules().stream().map(h -> h.id()).toList(),
              replay.findings().stream()
                  .map(f -> f.type() + " [" + f.start() + ", " + f.end() + ")")
                  .toList(),
              shadow.version());
      note = "The candidate's side was replayed now on the text the record keeps.";
    }
    return Templates.shadow(
        Nav.of(session, "policy", gate.authEnabled()),
        new ShadowView(r.auditId(), r.time(), r.profile(), List.of(live, candidate), note));
  }

  private static Decision replay(Policy shadow, AuditRecord r) {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      return PolicyTests.offline(shadow, pool)
          .evaluate(
              new CheckRequest(
                  r.storedText(),
                  Stage.fromWire(r.stage()),
                  r.profile(),
                  r.tenant(),
                  r.requestId(),
                  Map.of(),
                  false));
    } finally {
      pool.shutdownNow();
    }
  }

  private TemplateInstance render(
      ConsoleSessions.Session session,
      PolicyView.ReloadRow reloaded,
      PolicyView.TestsRow tests,
      PolicyView.TermSearch terms)
      throws SQLException {
    Nav nav = Nav.of(session, "policy", gate.authEnabled());
    Policy p = runtime.current();
    PolicyView.ReloadRow last =
        runtime.lastReload() == null ? null : reloadRow(runtime.lastReload());
    List<PolicyView.ShadowRow> shadow = new ArrayList<>();
    int[] scanned = {0};
    audit.store().stream(
        AuditQuery.all(),
        null,
        SHADOW_SCAN,
        r -> {
          scanned[0]++;
          if (r.shadowDecision() != null && shadow.size() < SHADOW_SHOWN) {
            shadow.add(
                new PolicyView.ShadowRow(
                    r.auditId(),
                    r.time(),
                    r.profile(),
                    r.tenant(),
                    r.decision(),
                    r.shadowDecision()));
          }
        });
    if (p == null) {
      return Templates.policy(
          nav,
          new PolicyView(
              false,
              "",
              "",
              "",
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              last,
              reloaded,
              tests,
              terms,
              shadow,
              scanned[0]));
    }
    List<PolicyView.RuleRow> rules = new ArrayList<>();
    for (TierRules tier : p.tiers().values()) {
      tier.rules()
          .forEach(
              r ->
                  rules.add(
                      new PolicyView.RuleRow(
                          r.id(), r.tier(), r.file(), r.line(), r.overridable())));
    }
    return Templates.policy(
        nav,
        new PolicyView(
            true,
            p.version(),
            p.loadedAt().toString(),
            p.defaultProfile().name(),
            p.profiles().values().stream()
                .map(
                    x ->
                        new PolicyView.ProfileRow(
                            x.name(),
                            x.tiers(),
                            x.failMode().wireName(),
                            x.textStorage().wireName()))
                .toList(),
            rules,
            p.detectorSet().lexicons().stream()
                .map(
                    l ->
                        new PolicyView.LexiconRow(
                            l.name(), l.category(), l.severity(), l.allowlist(), l.terms()))
                .toList(),
            p.exceptions().stream()
                .map(e -> exception(e, LocalDate.now(clock.withZone(ZoneOffset.UTC))))
                .toList(),
            last,
            reloaded,
            tests,
            terms,
            shadow,
            scanned[0]));
  }

  /** An exception marked expired, expiring within 30 days, or in force. */
  static PolicyView.ExceptionRow exception(PolicyException e, LocalDate today) {
    String state = "ok";
    String note = e.expires().isEmpty() ? "no end date" : "in force";
    if (!e.expires().isEmpty()) {
      try {
        LocalDate last = LocalDate.parse(e.expires());
        long days = ChronoUnit.DAYS.between(today, last);
        if (days < 0) {
          state = "expired";
          note = "expired " + (-days) + " day(s) ago";
        } else if (days <= EXPIRING_DAYS) {
          state = "expiring";
          note = "expires in " + days + " day(s)";
        }
      } catch (DateTimeParseException ignored) {
        state = "expired";
        note = "unreadable end date";
      }
    }
    return new PolicyView.ExceptionRow(
        e.kind(), e.id(), e.approvedBy(), e.reason(), e.expires(), state, note);
  }

  private static PolicyView.ReloadRow reloadRow(PolicyHolder.ReloadOutcome o) {
    return new PolicyView.ReloadRow(
        o.ok(),
        o.at().toString(),
        String.format(Locale.ROOT, "%.0f", o.tookMs()),
        o.version() == null ? "" : o.version(),
        o.problems().stream().map(Object::toString).toList());
  }

  private PolicyView.TermSearch search(String lexicon, String q) {
    if (lexicon == null || lexicon.isBlank() || q == null || q.isBlank()) {
      return null;
    }
    Policy p = runtime.current();
    if (p == null) {
      return new PolicyView.TermSearch(lexicon, q, List.of(), "No policy is loaded.");
    }
    try {
      return new PolicyView.TermSearch(
          lexicon,
          q,
          p.detectorSet().search().search(lexicon, q.strip(), 50).stream()
              .map(
                  h ->
                      new PolicyView.TermRow(
                          h.term(), h.file(), h.line(), h.category(), h.severity()))
              .toList(),
          null);
    } catch (NoSuchElementException e) {
      return new PolicyView.TermSearch(
          lexicon, q, List.of(), "No lexicon named '" + lexicon + "'.");
    }
  }
}
