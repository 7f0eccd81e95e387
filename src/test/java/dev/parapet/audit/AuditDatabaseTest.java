package dev.parapet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditDatabaseTest {

  private static final byte[] KEY = "test-hmac-key".getBytes(StandardCharsets.UTF_8);
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  @TempDir Path dir;

  private static AuditLog log(DataSource ds) throws Exception {
    return new AuditLog(new AuditStore(ds), "n1", AuditMode.SYNC, 64, 16, Duration.ofSeconds(10));
  }

  private static AuditRecord withText(AuditRecord r, String text) {
    return new AuditRecord(
        r.v(),
        r.auditId(),
        r.time(),
        r.requestId(),
        r.tenant(),
        r.profile(),
        r.stage(),
        r.decision(),
        r.rules(),
        r.findings(),
        r.policyVersion(),
        text.length(),
        r.textHash(),
        text,
        r.tookMs(),
        r.failedClosed(),
        r.errors(),
        text.length(),
        r.shadowDecision(),
        r.findingsDropped(),
        r.node(),
        r.seq(),
        r.prevHash(),
        r.hash());
  }

  @Test
  void anEmbeddedStoreWrittenBeforeTheBodyWasInlinedKeepsItsRecordsAndChain() throws Exception {
    DataSource ds = AuditDatabase.embedded(dir);
    try {
      AuditDatabase.migrate(ds, false, "1");
      SealedRecord before =
          AuditStores.chain(
                  List.of(
                      withText(
                          AuditStores.record("block", "default", "baseline/x", "WEAPONS", T0),
                          "a stored text longer than the 256 characters H2 keeps in a row: "
                              + "x".repeat(400))))
              .get(0);
      AuditStores.writeWithSideRows(ds, List.of(before));
      AuditDatabase.migrate(ds, false);
      assertThat(bodyType(ds)).isEqualTo("CHARACTER VARYING");
      try (AuditLog log = log(ds)) {
        log.append(AuditStores.record("allow", "default", null, null, T0.plusSeconds(1)));
      }
      AuditStore store = new AuditStore(ds);
      assertThat(store.find(before.record().auditId()).orElseThrow().storedText())
          .endsWith("x".repeat(400));
      assertThat(new ChainVerifier(store, KEY).verify(null, null))
          .isEqualTo(new ChainVerifier.Verification(true, 2, null, null));
    } finally {
      AuditDatabase.close(ds);
    }
  }

  /**
   * Records written while each rule and type had a side row keep being found and counted by them
   * after the move to shared tag sets, beside new records that share a set; retention removes an
   * old record's own set with it and keeps the shared ones.
   */
  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void recordsWrittenWithSideRowsAreFilteredAndCountedAfterTheMoveToTagSets(String kind)
      throws Exception {
    DataSource ds = AuditStores.fresh(kind, "2");
    AuditStores.writeWithSideRows(
        ds,
        AuditStores.chain(
            List.of(
                AuditStores.record("block", "default", "baseline/x", "WEAPONS", T0),
                AuditStores.record("redact", "default", "general/y", "EMAIL", T0.plusSeconds(1)),
                AuditStores.record("allow", "default", null, null, T0.plusSeconds(2)))));
    AuditDatabase.migrate(ds, kind.equals("postgres"));
    AuditStore store = new AuditStore(ds);
    try (AuditLog log = new AuditLog(store, "n1", AuditMode.SYNC, 64, 16, Duration.ofSeconds(10))) {
      for (int i = 0; i < 3; i++) {
        log.append(
            AuditStores.record(
                "block", "default", "baseline/x", "WEAPONS", T0.plusSeconds(10 + i)));
      }
    }
    assertThat(store.stats(AuditQuery.all(), "rule"))
        .containsExactly(Map.entry("baseline/x", 4L), Map.entry("general/y", 1L));
    assertThat(store.stats(AuditQuery.all(), "type"))
        .containsExactly(Map.entry("WEAPONS", 4L), Map.entry("EMAIL", 1L));
    assertThat(store.page(byType("EMAIL"), null, 10))
        .extracting(AuditRecord::seq)
        .containsExactly(2L);
    assertThat(store.page(byType("WEAPONS"), null, 10))
        .extracting(AuditRecord::seq)
        .containsExactly(6L, 5L, 4L, 1L);
    // two old records with a set each, and one set the three new records share
    assertThat(tagSets(ds)).isEqualTo(3);

    assertThat(new Retention(store, KEY).purgeBefore(T0.plusSeconds(5), T0.plusSeconds(100)))
        .isEqualTo(3);
    assertThat(tagSets(ds)).isEqualTo(1);
    assertThat(store.stats(AuditQuery.all(), "rule")).containsExactly(Map.entry("baseline/x", 3L));
    assertThat(new ChainVerifier(store, KEY).verify(null, null).ok()).isTrue();
  }

  private static AuditQuery byType(String type) {
    return new AuditQuery(null, null, null, null, null, null, null, type, null);
  }

  private static long tagSets(DataSource ds) throws Exception {
    try (Connection c = ds.getConnection();
        ResultSet rs =
            c.createStatement().executeQuery("SELECT COUNT(DISTINCT tag_set) FROM audit_tag")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void theInlineBodyHoldsAFullMegabyteText() throws Exception {
    DataSource ds = AuditDatabase.embedded(dir);
    try {
      AuditDatabase.migrate(ds, false);
      String text = "y".repeat(2_000_000);
      String id;
      try (AuditLog log = log(ds)) {
        id =
            log.append(withText(AuditStores.record("allow", "default", null, null, T0), text))
                .auditId();
      }
      assertThat(new AuditStore(ds).find(id).orElseThrow().storedText()).isEqualTo(text);
    } finally {
      AuditDatabase.close(ds);
    }
  }

  @Test
  void postgresGoesThroughAPoolThatOutlivesOneCommit() throws Exception {
    EmbeddedPostgres pg = EmbeddedPostgres.start();
    DataSource ds = AuditDatabase.postgres(pg.getJdbcUrl("postgres", "postgres"), "postgres", null);
    try {
      AuditDatabase.migrate(ds, true);
      try (AuditLog log = log(ds)) {
        for (int i = 0; i < 50; i++) {
          log.append(AuditStores.record("allow", "default", null, null, T0.plusMillis(i)));
        }
      }
      AuditStore store = new AuditStore(ds);
      assertThat(store.count()).isEqualTo(50);
      assertThat(new ChainVerifier(store, KEY).verify(null, null).ok()).isTrue();
      assertThat(ds).isInstanceOf(io.agroal.api.AgroalDataSource.class);
      assertThat(((io.agroal.api.AgroalDataSource) ds).getMetrics().creationCount())
          .isLessThanOrEqualTo(8);
    } finally {
      AuditDatabase.close(ds);
      pg.close();
    }
  }

  private static String bodyType(DataSource ds) throws Exception {
    try (Connection c = ds.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
                        + " WHERE TABLE_NAME = 'AUDIT_RECORD' AND COLUMN_NAME = 'BODY'")) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }
}
