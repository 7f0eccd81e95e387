package dev.parapet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signed chain heads against someone who can write to the database: rewriting and rehashing,
 * deleting the newest records, numbering records again, and tampering with tags.
 */
class SignedChainTest {

  private static final byte[] KEY =
      "test-hmac-key".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final ChainSigner SIGNER = ChainSigner.generate();

  @TempDir Path dir;

  private HeadFile headFile() {
    return new HeadFile(dir.resolve("audit-checkpoints.jsonl"));
  }

  private AuditLog log(DataSource ds, long every) throws Exception {
    Checkpoints heads =
        new Checkpoints(
            SIGNER,
            "n1",
            new HeadStore(ds),
            headFile(),
            null,
            every,
            Duration.ofHours(1),
            Clock.systemUTC());
    return new AuditLog(
        new AuditStore(ds), "n1", AuditMode.SYNC, 64, 16, Duration.ofSeconds(10), null, heads);
  }

  private static AuditRecord record(String tenant, String decision, List<String> rules, int i) {
    return new AuditEntry()
        .auditId(UUID.randomUUID().toString())
        .time(T0.plusSeconds(i).toString())
        .requestId("r-" + i)
        .tenant(tenant)
        .profile("default")
        .stage("input")
        .decision(decision)
        .rules(rules)
        .textHash("b".repeat(64))
        .toRecord();
  }

  /** Appends {@code n} records, signing a head every {@code every}, and closes (a final head). */
  private List<AuditRecord> fill(DataSource ds, int n, long every) throws Exception {
    List<AuditRecord> out = new ArrayList<>();
    try (AuditLog log = log(ds, every)) {
      for (int i = 1; i <= n; i++) {
        String tenant = i % 2 == 0 ? "globex" : "acme";
        out.add(log.append(record(tenant, "redact", List.of("rule-a", "rule-b"), i)));
        if (i % every == 0) {
          log.flush(Duration.ofSeconds(5));
          waitForHead(ds, i);
        }
      }
    }
    return out;
  }

  private static void waitForHead(DataSource ds, long seq) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (new HeadStore(ds).all().stream().noneMatch(h -> h.seq() == seq)) {
      assertThat(System.nanoTime()).as("head at seq %d signed", seq).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static ChainVerifier verifier(DataSource ds, HeadFile... files) {
    return new ChainVerifier(
        new AuditStore(ds), KEY, Map.of(SIGNER.keyId(), SIGNER.publicKey()), List.of(files));
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

  /**
   * What the issue did: change a record's decision, recompute its hash and every link after it, in
   * the body and in the columns, so that the chain alone verifies.
   */
  private static void forgeAndRehash(DataSource ds, long forged) throws Exception {
    List<AuditRecord> chain = new ArrayList<>();
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT body FROM audit_record WHERE node = 'n1' ORDER BY seq");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        chain.add(Canonical.parse(rs.getString(1)));
      }
    }
    String prev = null;
    for (AuditRecord r : chain) {
      if (r.seq() < forged) {
        prev = r.hash();
        continue;
      }
      AuditRecord changed = r;
      if (r.seq() == forged) {
        changed = Canonical.parse(Canonical.json(r).replace("\"redact\"", "\"allow\""));
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
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void headsAreSignedEveryNRecordsAndOnClose(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    fill(ds, 7, 3);
    List<ChainHead> stored = new HeadStore(ds).all();
    assertThat(stored).extracting(ChainHead::seq).contains(3L, 6L, 7L);
    assertThat(stored).allMatch(h -> h.signedBy(SIGNER.publicKey()));
    assertThat(headFile().read()).extracting(ChainHead::seq).contains(3L, 6L, 7L);
    assertThat(new HeadStore(ds).keys())
        .singleElement()
        .satisfies(k -> assertThat(k.keyId()).isEqualTo(SIGNER.keyId()));
    ChainVerifier.Verification v = verifier(ds, headFile()).verify(AuditQuery.all(), 100);
    assertThat(v.ok()).as("%s", v).isTrue();
    assertThat(v.checkpoints()).singleElement().satisfies(a -> assertThat(a.seq()).isEqualTo(7));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void aForgedRecordWithTheChainRehashedIsDetected(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    fill(ds, 10, 5);
    forgeAndRehash(ds, 3);
    // the unkeyed chain alone is consistent again: only the signed heads can tell
    ChainVerifier.Verification v = verifier(ds).verify(AuditQuery.all(), 100);
    assertThat(v.ok()).isFalse();
    assertThat(v.problems()).extracting(ChainVerifier.Problem::seq).containsExactly(5L, 10L);
    assertThat(v.reason()).contains("rewritten").contains("after seq 0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void deletingTheNewestRecordsIsDetectedAsTruncation(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    fill(ds, 10, 5);
    exec(ds, "DELETE FROM audit_record WHERE seq >= 7");
    ChainVerifier.Verification v = verifier(ds).verify(AuditQuery.all(), 100);
    assertThat(v.ok()).isFalse();
    assertThat(v.reason()).contains("records 7..10 are missing").contains("truncated");

    // the heads in the store removed too: this instance's checkpoint file still has them
    exec(ds, "DELETE FROM audit_head WHERE seq >= 7");
    assertThat(verifier(ds).verify(AuditQuery.all(), 100).ok()).isTrue();
    ChainVerifier.Verification withFile = verifier(ds, headFile()).verify(AuditQuery.all(), 100);
    assertThat(withFile.ok()).isFalse();
    assertThat(withFile.reason()).contains("records 7..10 are missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void aRestartAfterTruncationNumbersOnAfterTheSignedHead(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    fill(ds, 10, 5);
    exec(ds, "DELETE FROM audit_record WHERE seq >= 7");
    try (AuditLog log = log(ds, 5)) {
      assertThat(log.append(record("acme", "allow", List.of(), 20)).seq()).isEqualTo(11);
    }
    ChainVerifier.Verification v = verifier(ds, headFile()).verify(AuditQuery.all(), 100);
    assertThat(v.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("records 7..10 are missing"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void sequenceNumbersGivenOutTwiceAreDetected(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    fill(ds, 10, 5);
    exec(ds, "DELETE FROM audit_record WHERE seq >= 7");
    Files.delete(headFile().path()); // the node no longer knows how far it had come
    fill(ds, 6, 100); // numbered 7..12 again
    ChainVerifier.Verification v = verifier(ds).verify(AuditQuery.all(), 100);
    assertThat(v.ok()).isFalse();
    assertThat(v.problems())
        .anySatisfy(
            p -> {
              assertThat(p.seq()).isEqualTo(10L);
              assertThat(p.reason()).contains("given out twice");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void everyBadRecordIsReportedUpToTheLimitAndAllAreCounted(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    List<AuditRecord> records = fill(ds, 20, 100);
    exec(ds, "UPDATE audit_record SET decision = 'allow' WHERE seq IN (3, 8, 15)");
    exec(ds, "DELETE FROM audit_record WHERE seq = 11");
    ChainVerifier.Verification all = verifier(ds).verify(AuditQuery.all(), 100);
    assertThat(all.problemCount()).isEqualTo(4);
    assertThat(all.problems())
        .extracting(ChainVerifier.Problem::auditId)
        .containsExactly(
            records.get(2).auditId(),
            records.get(7).auditId(),
            records.get(11).auditId(),
            records.get(14).auditId());
    assertThat(all.problems().get(2).reason()).contains("record 11 is missing");
    ChainVerifier.Verification two = verifier(ds).verify(AuditQuery.all(), 2);
    assertThat(two.problems()).hasSize(2);
    assertThat(two.problemCount()).isEqualTo(4);
    assertThat(two.ok()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void tagsRemovedOrChangedAreDetected(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    List<AuditRecord> records = fill(ds, 4, 100);
    exec(ds, "UPDATE audit_record SET tag_set = NULL WHERE seq = 2");
    ChainVerifier.Verification v = verifier(ds).verify(AuditQuery.all(), 100);
    assertThat(v.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("tags were removed"));
    // every record shares one set: deleting one of its tags hides all of them from a filter
    exec(ds, "DELETE FROM audit_tag WHERE tag = 'rule-b'");
    assertThat(verifier(ds).verify(AuditQuery.all(), 100).problemCount()).isEqualTo(4);
    assertThat(records).hasSize(4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void verificationHonoursTheFilters(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    fill(ds, 10, 100);
    exec(ds, "UPDATE audit_record SET decision = 'block' WHERE seq = 4"); // globex's
    AuditQuery acme = new AuditQuery(null, null, null, null, "acme", null, null, null, null);
    AuditQuery globex = new AuditQuery(null, null, null, null, "globex", null, null, null, null);
    ChainVerifier.Verification forAcme = verifier(ds).verify(acme, 100);
    assertThat(forAcme.ok()).isTrue();
    assertThat(forAcme.checked()).isEqualTo(5);
    assertThat(verifier(ds).verify(globex, 100).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.seq()).isEqualTo(4L));
    // nobody can tell whose a deleted record was: a gap is everyone's problem
    exec(ds, "DELETE FROM audit_record WHERE seq = 6");
    assertThat(verifier(ds).verify(acme, 100).ok()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void aHeadNoTrustedKeySignedIsAProblem(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    List<AuditRecord> records = fill(ds, 3, 100);
    ChainSigner intruder = ChainSigner.generate();
    new HeadStore(ds).add(ChainHead.sign(intruder, "n1", 2, records.get(1).hash(), T0.toString()));
    ChainVerifier.Verification v = verifier(ds).verify(AuditQuery.all(), 100);
    assertThat(v.ok()).isFalse();
    assertThat(v.reason()).contains("not signed by a trusted key");
  }

  private String export(DataSource ds, AuditQuery query) throws Exception {
    java.io.StringWriter out = new java.io.StringWriter();
    new AuditExport(new AuditStore(ds), List.of(headFile())).writeJsonl(query, out);
    return out.toString();
  }

  private static ChainVerifier.Verification offline(String export, ChainSigner... pinned)
      throws Exception {
    Map<String, java.security.PublicKey> keys = new java.util.HashMap<>();
    for (ChainSigner s : pinned) {
      keys.put(s.keyId(), s.publicKey());
    }
    return new OfflineVerifier(keys)
        .verify(new java.io.BufferedReader(new java.io.StringReader(export)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void anExportVerifiesOfflineAgainstThePinnedKeyOnly(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    fill(ds, 10, 5);
    String export = export(ds, AuditQuery.all());
    assertThat(export.lines().findFirst().orElseThrow()).contains("\"export\"");
    assertThat(export).contains("\"checkpoint\"");
    ChainVerifier.Verification v = offline(export, SIGNER);
    assertThat(v.ok()).as("%s", v).isTrue();
    assertThat(v.checked()).isEqualTo(10);
    assertThat(v.checkpoints()).singleElement().satisfies(a -> assertThat(a.seq()).isEqualTo(10));
    ChainVerifier.Verification otherKey = offline(export, ChainSigner.generate());
    assertThat(otherKey.ok()).isFalse();
    assertThat(otherKey.reason()).contains("not signed by a pinned key");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void theOfflineVerifierDetectsAForgedAndRehashedRecord(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    fill(ds, 10, 5);
    forgeAndRehash(ds, 3);
    ChainVerifier.Verification v = offline(export(ds, AuditQuery.all()), SIGNER);
    assertThat(v.ok()).isFalse();
    assertThat(v.problems()).extracting(ChainVerifier.Problem::seq).containsExactly(5L, 10L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void theOfflineVerifierDetectsTruncation(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    fill(ds, 10, 5);
    exec(ds, "DELETE FROM audit_record WHERE seq >= 7");
    exec(ds, "DELETE FROM audit_head WHERE seq >= 7"); // the file still has them
    ChainVerifier.Verification v = offline(export(ds, AuditQuery.all()), SIGNER);
    assertThat(v.ok()).isFalse();
    assertThat(v.reason()).contains("records 7..10 are missing").contains("truncated");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void aFilteredExportIsJudgedWithoutItsGaps(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    fill(ds, 10, 5);
    AuditQuery acme = new AuditQuery(null, null, null, null, "acme", null, null, null, null);
    assertThat(offline(export(ds, acme), SIGNER).ok()).isTrue();
    exec(ds, "UPDATE audit_record SET body = REPLACE(body, 'redact', 'allow') WHERE seq = 5");
    ChainVerifier.Verification v = offline(export(ds, acme), SIGNER);
    assertThat(v.ok()).isFalse();
    assertThat(v.reason()).contains("modified");
  }

  /** The recipe docs/audit.md gives auditors, with sha256sum in place of SHA-256 here. */
  @ParameterizedTest
  @ValueSource(strings = {"h2"})
  void aRecordsHashIsTheSha256OfItsLineWithTheHashEmptied(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    fill(ds, 2, 100);
    String line =
        export(ds, AuditQuery.all())
            .lines()
            .filter(l -> l.contains("\"auditId\""))
            .findFirst()
            .orElseThrow();
    String emptied = line.replaceFirst("\"hash\":\"[0-9a-f]{64}\"}$", "\"hash\":\"\"}");
    String hash = line.substring(line.length() - 66, line.length() - 2);
    assertThat(dev.parapet.digest.Sha256.hex(emptied)).isEqualTo(hash);
  }
}
