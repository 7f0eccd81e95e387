package dev.parapet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Counting the log by every dimension, with every filter honoured, on both stores. */
class AuditStatsTest {

  private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

  private static AuditRecord record(
      String tenant, String decision, String stage, String shadow, Instant time) {
    return new AuditEntry()
        .auditId(UUID.randomUUID().toString())
        .time(time.toString())
        .requestId("r-" + UUID.randomUUID())
        .tenant(tenant)
        .profile("default")
        .stage(stage)
        .decision(decision)
        .rules(decision.equals("allow") ? List.of() : List.of("baseline/x"))
        .shadowDecision(shadow)
        .textHash("b".repeat(64))
        .toRecord();
  }

  /** Acme: 3 blocks in the first hour, 1 in the third, 2 allows; globex: 2 blocks, 1 redact. */
  private static AuditStore filled(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    try (AuditLog log =
        new AuditLog(new AuditStore(ds), "n1", AuditMode.SYNC, 64, 16, Duration.ofSeconds(10))) {
      log.append(record("acme", "block", "input", null, T0));
      log.append(record("acme", "block", "output", null, T0.plusSeconds(60)));
      log.append(record("acme", "block", "input", "allow", T0.plusSeconds(3599)));
      log.append(record("acme", "block", "input", null, T0.plusSeconds(2 * 3600 + 5)));
      log.append(record("acme", "allow", "input", null, T0.plusSeconds(30)));
      log.append(record("acme", "allow", "input", "block", T0.plusSeconds(3600)));
      log.append(record("globex", "block", "input", null, T0.plusSeconds(10)));
      log.append(record("globex", "block", "input", null, T0.plusSeconds(3700)));
      log.append(record("globex", "redact", "output", null, T0.plusSeconds(20)));
    }
    return new AuditStore(ds);
  }

  private static AuditQuery tenantAndDecision(String tenant, String decision) {
    return new AuditQuery(null, null, decision, null, tenant, null, null, null, null, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void countsByHourBucketHonourTheFilters(String kind) throws Exception {
    AuditStore store = filled(kind);
    assertThat(store.stats(tenantAndDecision("acme", "block"), "time", Duration.ofHours(1)))
        .containsExactly(
            Map.entry("2026-11-01T10:00:00Z", 3L), Map.entry("2026-11-01T12:00:00Z", 1L));
    assertThat(store.stats(AuditQuery.all(), "time", Duration.ofDays(1)))
        .containsExactly(Map.entry("2026-11-01T00:00:00Z", 9L));
    assertThat(store.stats(AuditQuery.all(), "time", Duration.ofMinutes(30)))
        .containsExactly(
            Map.entry("2026-11-01T10:00:00Z", 5L),
            Map.entry("2026-11-01T10:30:00Z", 1L),
            Map.entry("2026-11-01T11:00:00Z", 2L),
            Map.entry("2026-11-01T12:00:00Z", 1L));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void countsByTenantStageAndRuleHonourTheFilters(String kind) throws Exception {
    AuditStore store = filled(kind);
    assertThat(store.stats(tenantAndDecision(null, "block"), "tenant"))
        .containsExactly(Map.entry("acme", 4L), Map.entry("globex", 2L));
    assertThat(store.stats(tenantAndDecision("acme", null), "stage"))
        .containsExactly(Map.entry("input", 5L), Map.entry("output", 1L));
    // the example: by=rule&decision=block&tenant=acme counted every record
    assertThat(store.stats(tenantAndDecision("acme", "block"), "rule"))
        .containsExactly(Map.entry("baseline/x", 4L));
    assertThat(store.stats(tenantAndDecision("globex", null), "decision"))
        .containsExactly(Map.entry("block", 2L), Map.entry("redact", 1L));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void filtersOnTheShadowCandidatesVerdict(String kind) throws Exception {
    AuditStore store = filled(kind);
    AuditQuery shadowBlocks =
        new AuditQuery(null, null, null, null, null, null, null, null, null, "block");
    assertThat(store.page(shadowBlocks, null, 10))
        .singleElement()
        .satisfies(r -> assertThat(r.decision()).isEqualTo("allow"));
    assertThat(store.stats(shadowBlocks, "decision")).containsExactly(Map.entry("allow", 1L));
  }

  /** Records written before the column existed get it from their body when the store migrates. */
  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void migratingFillsTheShadowColumnOfOlderRecords(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind, "3");
    List<SealedRecord> old =
        AuditStores.chain(
            List.of(
                record("acme", "allow", "input", "block", T0),
                record("acme", "allow", "input", null, T0.plusSeconds(1)),
                record("acme", "block", "input", "error", T0.plusSeconds(2))));
    try (Connection c = ds.getConnection();
        PreparedStatement row =
            c.prepareStatement(
                "INSERT INTO audit_record (audit_id, node, seq, time_ms, request_id, tenant,"
                    + " profile, stage, decision, policy_version, prev_hash, hash, body)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      for (SealedRecord s : old) {
        AuditStore.bindColumns(row, s);
        row.executeUpdate();
      }
    }
    AuditDatabase.migrate(ds, kind.equals("postgres"));
    AuditStore store = new AuditStore(ds);
    assertThat(store.stats(AuditQuery.all(), "decision")).containsEntry("allow", 2L);
    assertThat(
            store.page(
                new AuditQuery(null, null, null, null, null, null, null, null, null, "block"),
                null,
                10))
        .extracting(AuditRecord::seq)
        .containsExactly(1L);
    assertThat(
            store.page(
                new AuditQuery(null, null, null, null, null, null, null, null, null, "error"),
                null,
                10))
        .extracting(AuditRecord::seq)
        .containsExactly(3L);
  }
}
