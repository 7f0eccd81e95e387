package dev.parapet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The audit trail against both stores: durability, the chain, tamper evidence, queries. */
class AuditLogTest {

  private static final byte[] KEY =
      "test-hmac-key".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  private static AuditLog log(DataSource ds, String node) throws Exception {
    return new AuditLog(
        new AuditStore(ds), node, AuditMode.SYNC, 1024, 256, Duration.ofSeconds(10));
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

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void syncAppendIsDurableBeforeItReturns(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    try (AuditLog log = log(ds, "n1")) {
      AuditRecord written =
          log.append(AuditStores.record("block", "default", "baseline/x", "WEAPONS", T0));
      assertThat(written.seq()).isEqualTo(1);
      assertThat(written.hash()).hasSize(64);
      assertThat(new AuditStore(ds).find(written.auditId())).contains(written);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void concurrentAppendsFormOneVerifiableChain(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try (AuditLog log = log(ds, "n1")) {
      List<Future<AuditRecord>> futures = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        Instant t = T0.plusMillis(i);
        futures.add(
            pool.submit(() -> log.append(AuditStores.record("allow", "default", null, null, t))));
      }
      for (Future<AuditRecord> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(new AuditStore(ds).count()).isEqualTo(400);
    assertThat(new ChainVerifier(new AuditStore(ds), KEY).verify(null, null))
        .isEqualTo(new ChainVerifier.Verification(true, 400, null, null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void aRestartedNodeResumesItsChain(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    try (AuditLog log = log(ds, "n1")) {
      log.append(AuditStores.record("allow", "default", null, null, T0));
    }
    try (AuditLog log = log(ds, "n1")) {
      assertThat(log.append(AuditStores.record("allow", "default", null, null, T0)).seq())
          .isEqualTo(2);
    }
    assertThat(new ChainVerifier(new AuditStore(ds), KEY).verify(null, null).ok()).isTrue();
  }

  private static List<AuditRecord> fill(DataSource ds, int n) throws Exception {
    List<AuditRecord> out = new ArrayList<>();
    try (AuditLog log = log(ds, "n1")) {
      for (int i = 0; i < n; i++) {
        out.add(log.append(AuditStores.record("allow", "default", null, null, T0.plusSeconds(i))));
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void verifyNamesAModifiedRecord(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    List<AuditRecord> records = fill(ds, 5);
    exec(
        ds,
        "UPDATE audit_record SET decision = 'block' WHERE audit_id = ?",
        records.get(2).auditId());
    ChainVerifier.Verification v = new ChainVerifier(new AuditStore(ds), KEY).verify(null, null);
    assertThat(v.ok()).isFalse();
    assertThat(v.firstBad()).isEqualTo(records.get(2).auditId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void verifyNamesARecordWhoseBodyWasRewritten(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    List<AuditRecord> records = fill(ds, 5);
    String body = Canonical.json(records.get(1)).replace("\"allow\"", "\"block\"");
    exec(ds, "UPDATE audit_record SET body = ? WHERE audit_id = ?", body, records.get(1).auditId());
    assertThat(new ChainVerifier(new AuditStore(ds), KEY).verify(null, null).firstBad())
        .isEqualTo(records.get(1).auditId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void verifyNoticesADeletedRecord(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    List<AuditRecord> records = fill(ds, 5);
    exec(ds, "DELETE FROM audit_record WHERE audit_id = ?", records.get(2).auditId());
    ChainVerifier.Verification v = new ChainVerifier(new AuditStore(ds), KEY).verify(null, null);
    assertThat(v.ok()).isFalse();
    assertThat(v.firstBad()).isEqualTo(records.get(3).auditId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void verifyNoticesAnInsertedRecord(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    List<AuditRecord> records = fill(ds, 3);
    AuditRecord forged =
        AuditStores.record("allow", "default", null, null, T0)
            .chained("n1", 2, records.get(0).hash(), "");
    forged =
        forged.chained("n1", 2, records.get(0).hash(), Canonical.sha256(Canonical.encode(forged)));
    // shift the later records up by one, in two steps so that (node, seq) stays unique meanwhile
    exec(ds, "UPDATE audit_record SET seq = seq + 1000 WHERE seq >= 2 AND node = 'n1'");
    exec(ds, "UPDATE audit_record SET seq = seq - 999 WHERE seq >= 1000 AND node = 'n1'");
    new AuditStore(ds).insert(List.of(forged));
    ChainVerifier.Verification v = new ChainVerifier(new AuditStore(ds), KEY).verify(null, null);
    assertThat(v.ok()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void verifyNoticesReorderedRecords(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    List<AuditRecord> records = fill(ds, 4);
    exec(ds, "UPDATE audit_record SET seq = 100 WHERE audit_id = ?", records.get(1).auditId());
    exec(ds, "UPDATE audit_record SET seq = 2 WHERE audit_id = ?", records.get(2).auditId());
    exec(ds, "UPDATE audit_record SET seq = 3 WHERE audit_id = ?", records.get(1).auditId());
    assertThat(new ChainVerifier(new AuditStore(ds), KEY).verify(null, null).ok()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void filtersAndCursorPagesStayCorrectWhileRecordsArrive(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    AuditStore store = new AuditStore(ds);
    try (AuditLog log = log(ds, "n1")) {
      for (int i = 0; i < 30; i++) {
        String decision = i % 3 == 0 ? "block" : "allow";
        log.append(
            AuditStores.record(
                decision,
                i % 2 == 0 ? "default" : "finance",
                i % 3 == 0 ? "baseline/block-critical-content" : null,
                i % 3 == 0 ? "WEAPONS" : null,
                T0.plusSeconds(i)));
      }
      List<String> seen = new ArrayList<>();
      AuditStore.Cursor cursor = null;
      for (int page = 0; page < 10; page++) {
        List<AuditRecord> items = store.page(AuditQuery.all(), cursor, 7);
        if (items.isEmpty()) {
          break;
        }
        items.forEach(r -> seen.add(r.auditId()));
        AuditRecord last = items.get(items.size() - 1);
        cursor = new AuditStore.Cursor(Instant.parse(last.time()).toEpochMilli(), last.auditId());
        // newer records arriving meanwhile land before the cursor and do not disturb the pages
        log.append(AuditStores.record("allow", "default", null, null, T0.plusSeconds(1000 + page)));
      }
      assertThat(seen).hasSize(30).doesNotHaveDuplicates();
    }
    AuditQuery blocks =
        new AuditQuery(
            null,
            null,
            "block",
            null,
            null,
            null,
            "baseline/block-critical-content",
            "WEAPONS",
            null);
    assertThat(store.page(blocks, null, 100))
        .hasSize(10)
        .allMatch(r -> r.decision().equals("block"));
    AuditQuery range =
        new AuditQuery(
            T0.plusSeconds(10), T0.plusSeconds(20), null, null, null, null, null, null, null);
    assertThat(store.page(range, null, 100)).hasSize(10);
    Map<String, Long> byDecision = store.stats(AuditQuery.all(), "decision");
    assertThat(byDecision).containsEntry("block", 10L);
    assertThat(store.stats(AuditQuery.all(), "rule"))
        .containsEntry("baseline/block-critical-content", 10L);
    assertThat(store.stats(AuditQuery.all(), "type")).containsEntry("WEAPONS", 10L);
    assertThat(store.stats(range, "profile")).containsKeys("default", "finance");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void recordsWithTheSameRulesAndTypesShareOneTagSetAndAreCountedOnceEach(String kind)
      throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    AuditStore store = new AuditStore(ds);
    try (AuditLog log = log(ds, "n1")) {
      log.append(
          AuditStores.withTags("block", "default", List.of("a", "b"), List.of("X", "Y"), T0));
      // the same set, listed in another order and with a type found twice
      log.append(
          AuditStores.withTags(
              "block", "default", List.of("b", "a"), List.of("Y", "X", "X"), T0.plusSeconds(1)));
      log.append(
          AuditStores.withTags("redact", "default", List.of("a"), List.of("X"), T0.plusSeconds(2)));
      log.append(AuditStores.withTags("allow", "default", List.of(), List.of(), T0.plusSeconds(3)));
    }
    assertThat(store.stats(AuditQuery.all(), "rule"))
        .containsExactly(Map.entry("a", 3L), Map.entry("b", 2L));
    assertThat(store.stats(AuditQuery.all(), "type"))
        .containsExactly(Map.entry("X", 3L), Map.entry("Y", 2L));
    AuditQuery ruleB = new AuditQuery(null, null, null, null, null, null, "b", null, null);
    assertThat(store.page(ruleB, null, 10)).extracting(AuditRecord::seq).containsExactly(2L, 1L);
    AuditQuery ruleAOnlyBlocks =
        new AuditQuery(null, null, "redact", null, null, null, "a", "X", null);
    assertThat(store.page(ruleAOnlyBlocks, null, 10))
        .extracting(AuditRecord::seq)
        .containsExactly(3L);
    assertThat(count(ds, "SELECT COUNT(DISTINCT tag_set) FROM audit_tag")).isEqualTo(2);
    assertThat(count(ds, "SELECT COUNT(*) FROM audit_tag")).isEqualTo(6);
  }

  /**
   * Nodes sharing a store each remember their own tag sets, so two of them may store the same new
   * set at once: neither batch may fail, and the set must be stored once.
   */
  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void nodesStoringTheSameNewTagSetAtOnceBothSucceed(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    int rounds = 40;
    List<AuditStore> nodes = List.of(new AuditStore(ds), new AuditStore(ds));
    CyclicBarrier together = new CyclicBarrier(nodes.size());
    ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int n = 0; n < nodes.size(); n++) {
        AuditStore store = nodes.get(n);
        String node = "node-" + n;
        writers.add(
            pool.submit(
                () -> {
                  for (int round = 1; round <= rounds; round++) {
                    AuditRecord r =
                        AuditStores.withTags(
                                "block",
                                "default",
                                List.of("rule-" + round, "shared"),
                                List.of("TYPE-" + round),
                                T0.plusSeconds(round))
                            .chained(node, round, "0".repeat(64), "f".repeat(64));
                    together.await(10, TimeUnit.SECONDS);
                    store.insert(List.of(r));
                  }
                  return null;
                }));
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
    } finally {
      pool.shutdownNow();
    }
    AuditStore store = nodes.get(0);
    assertThat(store.count()).isEqualTo(2L * rounds);
    assertThat(store.stats(AuditQuery.all(), "rule"))
        .containsEntry("shared", 2L * rounds)
        .containsEntry("rule-7", 2L)
        .hasSize(rounds + 1);
    assertThat(count(ds, "SELECT COUNT(*) FROM audit_tag")).isEqualTo(3L * rounds);
  }

  private static long count(DataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        java.sql.ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void retentionLeavesASignedCheckpointSoTheRestStillVerifies(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    fill(ds, 10);
    AuditStore store = new AuditStore(ds);
    long purged = new Retention(store, KEY).purgeBefore(T0.plusSeconds(4), T0.plusSeconds(100));
    assertThat(purged).isEqualTo(4);
    assertThat(store.count()).isEqualTo(6);
    assertThat(new ChainVerifier(store, KEY).verify(null, null).ok()).isTrue();
    try (AuditLog log = log(ds, "n1")) {
      assertThat(
              log.append(AuditStores.record("allow", "default", null, null, T0.plusSeconds(50)))
                  .seq())
          .isEqualTo(11);
    }
    assertThat(new ChainVerifier(store, KEY).verify(null, null).ok()).isTrue();
    exec(ds, "UPDATE audit_checkpoint SET seq = seq - 1");
    assertThat(new ChainVerifier(store, KEY).verify(null, null).ok()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2"})
  void asyncModeCountsWhatItDrops(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    DataSource slow =
        (DataSource)
            java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getConnection")) {
                    Thread.sleep(200);
                  }
                  return method.invoke(ds, args);
                });
    int offered = 50;
    try (AuditLog log =
        new AuditLog(new AuditStore(slow), "n1", AuditMode.ASYNC, 2, 1, Duration.ofSeconds(5))) {
      for (int i = 0; i < offered; i++) {
        log.append(AuditStores.record("allow", "default", null, null, T0));
      }
      assertThat(log.dropped()).isPositive();
      Thread.sleep(2000);
      assertThat(log.dropped() + log.written() + 2).isGreaterThanOrEqualTo(offered);
    }
  }
}
