package dev.parapet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Records that say why (format 2) on both stores: what each rule did, counted; tampering with it
 * detected; the caller filtered on; and records of the first format still verifying.
 */
class RecordWhyTest {

  private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
  private static final byte[] KEY = "k".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private static AuditRecord.AuditRuleAction hit(String rule, String action) {
    String tier = rule.substring(0, rule.lastIndexOf('/'));
    return new AuditRecord.AuditRuleAction(rule, tier, action, "because " + rule);
  }

  private static AuditRecord.AuditRelaxation relaxed(String rule, String target, String outcome) {
    return new AuditRecord.AuditRelaxation(rule, target, outcome, "detail");
  }

  private static AuditRecord record(
      String tenant,
      String caller,
      String decision,
      List<AuditRecord.AuditRuleAction> hits,
      List<AuditRecord.AuditRelaxation> relaxations,
      int second) {
    return new AuditEntry()
        .auditId(UUID.randomUUID().toString())
        .time(T0.plusSeconds(second).toString())
        .requestId("r-" + second)
        .tenant(tenant)
        .profile("default")
        .stage("input")
        .caller(caller)
        .context(Map.of("app", "support-bot"))
        .decision(decision)
        .rules(hits.stream().map(AuditRecord.AuditRuleAction::rule).toList())
        .ruleActions(hits)
        .relaxations(relaxations)
        .textHash("b".repeat(64))
        .toRecord();
  }

  /**
   * Acme: a block whose exemption was kept (mandatory), two profanity redactions (one beside an
   * expired exemption), one redaction exempted away; globex: one redaction. Plus a record of the
   * first format, which holds no actions.
   */
  private static DataSource filled(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    try (AuditLog log =
        new AuditLog(new AuditStore(ds), "n1", AuditMode.SYNC, 64, 16, Duration.ofSeconds(10))) {
      log.append(
          record(
              "acme",
              "support-bot",
              "block",
              List.of(hit("baseline/block-x", "block")),
              List.of(relaxed("tenant/acme/keep-x", "baseline/block-x", "kept-mandatory")),
              1));
      log.append(
          record(
              "acme",
              "support-bot",
              "redact",
              List.of(hit("general/redact-p", "redact")),
              List.of(),
              2));
      log.append(
          record(
              "acme",
              "jwt:alice",
              "redact",
              List.of(hit("general/redact-p", "redact")),
              List.of(relaxed("tenant/acme/old", "general/redact-p", "expired")),
              3));
      log.append(
          record(
              "acme",
              "support-bot",
              "allow",
              List.of(hit("tenant/acme/allow-p", "exempt")),
              List.of(relaxed("tenant/acme/allow-p", "general/redact-p", "exempted")),
              4));
      log.append(
          record(
              "globex", null, "redact", List.of(hit("general/redact-p", "redact")), List.of(), 5));
      log.append(AuditStores.record("redact", "default", "general/redact-p", null, T0));
    }
    return ds;
  }

  private static ChainVerifier.Verification verify(DataSource ds) throws Exception {
    return new ChainVerifier(new AuditStore(ds), KEY, Map.of(), List.of())
        .verify(AuditQuery.all(), 100);
  }

  private static void exec(DataSource ds, String sql, Object... params) throws Exception {
    try (Connection c = ds.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      s.executeUpdate();
    }
  }

  private static String body(DataSource ds, long seq) throws Exception {
    try (Connection c = ds.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT body FROM audit_record WHERE seq = ?")) {
      s.setLong(1, seq);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void statsCountEachRuleByWhatItDidAndAnExemptionByItsOutcome(String kind) throws Exception {
    AuditStore store = new AuditStore(filled(kind));

    Map<String, Map<String, Long>> all = store.statsByRuleAction(AuditQuery.all());
    assertThat(all)
        .containsExactly(
            Map.entry("general/redact-p", Map.of("redact", 3L)),
            Map.entry("baseline/block-x", Map.of("block", 1L)),
            Map.entry("tenant/acme/allow-p", Map.of("exempted", 1L)),
            Map.entry("tenant/acme/keep-x", Map.of("kept-mandatory", 1L)),
            Map.entry("tenant/acme/old", Map.of("expired", 1L)));
    // by rule still counts every rule that acted, the exemption that took effect among them
    assertThat(store.stats(AuditQuery.all(), "rule"))
        .containsEntry("general/redact-p", 4L)
        .containsEntry("tenant/acme/allow-p", 1L)
        .doesNotContainKey("tenant/acme/keep-x");

    AuditQuery acmeRedactions =
        new AuditQuery(null, null, "redact", null, "acme", null, null, null, null, null);
    assertThat(store.statsByRuleAction(acmeRedactions))
        .containsExactly(
            Map.entry("general/redact-p", Map.of("redact", 2L)),
            Map.entry("tenant/acme/old", Map.of("expired", 1L)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void theCallerIsFilteredOnAndCountedBy(String kind) throws Exception {
    AuditStore store = new AuditStore(filled(kind));
    AuditQuery bySupportBot = AuditQuery.all().withCaller("support-bot");
    assertThat(store.page(bySupportBot, null, 10))
        .hasSize(3)
        .allSatisfy(r -> assertThat(r.caller()).isEqualTo("support-bot"));
    assertThat(store.stats(AuditQuery.all(), "caller"))
        .containsExactly(
            Map.entry("support-bot", 3L), Map.entry("", 2L), Map.entry("jwt:alice", 1L));
    assertThat(store.stats(bySupportBot, "decision"))
        .containsOnly(Map.entry("block", 1L), Map.entry("redact", 1L), Map.entry("allow", 1L));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void changingARecordedRuleActionIsDetected(String kind) throws Exception {
    DataSource ds = filled(kind);
    assertThat(verify(ds).ok()).isTrue();

    String original = body(ds, 1);
    assertThat(original).contains("\"action\":\"block\"");
    exec(
        ds,
        "UPDATE audit_record SET body = ? WHERE seq = 1",
        original.replace("\"action\":\"block\"", "\"action\":\"allow\""));

    ChainVerifier.Verification v = verify(ds);
    assertThat(v.ok()).isFalse();
    assertThat(v.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.seq()).isEqualTo(1);
              assertThat(p.reason()).contains("modified");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void anExportedRecordWithItsActionOrCallerChangedFailsOfflineVerification(String kind)
      throws Exception {
    DataSource ds = filled(kind);
    java.io.StringWriter out = new java.io.StringWriter();
    new AuditExport(new AuditStore(ds), List.of()).writeJsonl(AuditQuery.all(), out);
    String export = out.toString();
    assertThat(offline(export).ok()).isTrue();

    ChainVerifier.Verification action =
        offline(export.replace("\"action\":\"block\"", "\"action\":\"allow\""));
    assertThat(action.ok()).isFalse();
    assertThat(action.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("modified"));

    ChainVerifier.Verification caller = offline(export.replace("\"jwt:alice\"", "\"jwt:mallory\""));
    assertThat(caller.ok()).isFalse();
    assertThat(caller.problems()).extracting(ChainVerifier.Problem::seq).containsExactly(3L);
  }

  private static ChainVerifier.Verification offline(String export) throws Exception {
    return new OfflineVerifier(Map.of())
        .verify(new java.io.BufferedReader(new java.io.StringReader(export)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void aRuleActionRewrittenAndRehashedStillDisagreesWithItsTags(String kind) throws Exception {
    DataSource ds = filled(kind);
    List<AuditRecord> chain = new ArrayList<>();
    try (Connection c = ds.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT body FROM audit_record ORDER BY seq");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        chain.add(Canonical.parse(rs.getString(1)));
      }
    }
    // the forger turns the block into an allow and recomputes every hash, body and column alike
    String prev = Canonical.GENESIS;
    for (AuditRecord r : chain) {
      AuditRecord changed = r;
      if (r.seq() == 1) {
        changed =
            Canonical.parse(
                Canonical.json(r)
                    .replace("\"action\":\"block\"", "\"action\":\"allow\"")
                    .replace("\"decision\":\"block\"", "\"decision\":\"allow\""));
      }
      SealedRecord sealed = SealedRecord.seal(changed, "n1", r.seq(), prev);
      exec(
          ds,
          "UPDATE audit_record SET body = ?, hash = ?, prev_hash = ?, decision = ? WHERE seq = ?",
          sealed.json(),
          sealed.record().hash(),
          prev,
          sealed.record().decision(),
          r.seq());
      prev = sealed.record().hash();
    }
    ChainVerifier.Verification v = verify(ds);
    assertThat(v.ok()).isFalse();
    assertThat(v.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("another tag set"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void anActionTagOrACallerChangedInTheStoreIsDetected(String kind) throws Exception {
    DataSource ds = filled(kind);
    exec(
        ds,
        "UPDATE audit_tag SET tag = ? WHERE kind = 'action' AND tag = ?",
        "exempted:tenant/acme/keep-x",
        "kept-mandatory:tenant/acme/keep-x");
    exec(ds, "UPDATE audit_record SET caller = 'someone-else' WHERE seq = 2");

    ChainVerifier.Verification v = verify(ds);
    assertThat(v.problems())
        .extracting(ChainVerifier.Problem::seq, ChainVerifier.Problem::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                1L,
                "its tag set "
                    + TagSet.of(Canonical.parse(body(ds, 1))).id()
                    + " was changed: filters by rule or type, or counts of what rules did,"
                    + " mis-find it"),
            org.assertj.core.groups.Tuple.tuple(
                2L, "its searchable columns were changed: modified"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void recordsOfTheFirstFormatVerifyUnchangedAfterTheMigration(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind, "4");
    List<AuditRecord> v1 = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      AuditRecord r = AuditStores.record("redact", "default", "general/redact-p", "X", T0);
      v1.add(
          new AuditRecord(
              1,
              r.auditId(),
              T0.plusSeconds(i).toString(),
              r.requestId(),
              r.tenant(),
              r.profile(),
              r.stage(),
              r.decision(),
              r.rules(),
              r.findings(),
              r.policyVersion(),
              r.textLength(),
              r.textHash(),
              null,
              r.tookMs(),
              false,
              List.of(),
              r.checkedEnd(),
              null,
              null,
              null,
              0,
              null,
              null));
    }
    List<SealedRecord> sealed = AuditStores.chain(v1);
    try (Connection c = ds.getConnection();
        PreparedStatement row =
            c.prepareStatement(
                "INSERT INTO audit_record (audit_id, node, seq, time_ms, request_id, tenant,"
                    + " profile, stage, decision, policy_version, prev_hash, hash, body, tag_set)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        PreparedStatement tag =
            c.prepareStatement("INSERT INTO audit_tag (tag_set, kind, tag) VALUES (?,?,?)")) {
      TagSet set = TagSet.of(sealed.get(0).record());
      for (String entry : set.entries()) {
        String[] kindAndTag = entry.split("\u0000");
        tag.setString(1, set.id());
        tag.setString(2, kindAndTag[0]);
        tag.setString(3, kindAndTag[1]);
        tag.executeUpdate();
      }
      for (SealedRecord s : sealed) {
        AuditStore.bindColumns(row, s);
        row.setString(14, set.id());
        row.executeUpdate();
      }
    }
    AuditDatabase.migrate(ds, kind.equals("postgres"));

    assertThat(verify(ds).ok()).isTrue();
    assertThat(verify(ds).checked()).isEqualTo(3);
    String stored = body(ds, 1);
    assertThat(stored)
        .startsWith("{\"v\":1,")
        .doesNotContain("ruleActions")
        .doesNotContain("caller");
    // read and written again, a first-format record is the very text it was hashed as
    assertThat(Canonical.json(Canonical.parse(stored))).isEqualTo(stored);
    assertThat(new AuditStore(ds).statsByRuleAction(AuditQuery.all())).isEmpty();
  }
}
