package dev.parapet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        r.node(),
        r.seq(),
        r.prevHash(),
        r.hash());
  }

  @Test
  void anEmbeddedStoreWrittenBeforeTheBodyWasInlinedKeepsItsRecordsAndChain() throws Exception {
    DataSource ds = AuditDatabase.embedded(dir);
    try {
      Flyway.configure(AuditDatabase.class.getClassLoader())
          .dataSource(ds)
          .locations("classpath:db/migration")
          .placeholders(Map.of("text_type", "CLOB", "inline_text_type", "CHARACTER VARYING"))
          .target("1")
          .load()
          .migrate();
      String before;
      try (AuditLog log = log(ds)) {
        before =
            log.append(
                    withText(
                        AuditStores.record("block", "default", "baseline/x", "WEAPONS", T0),
                        "a stored text longer than the 256 characters H2 keeps in a row: "
                            + "x".repeat(400)))
                .auditId();
      }
      AuditDatabase.migrate(ds, false);
      assertThat(bodyType(ds)).isEqualTo("CHARACTER VARYING");
      try (AuditLog log = log(ds)) {
        log.append(AuditStores.record("allow", "default", null, null, T0.plusSeconds(1)));
      }
      AuditStore store = new AuditStore(ds);
      assertThat(store.find(before).orElseThrow().storedText()).endsWith("x".repeat(400));
      assertThat(new ChainVerifier(store, KEY).verify(null, null))
          .isEqualTo(new ChainVerifier.Verification(true, 2, null, null));
    } finally {
      AuditDatabase.close(ds);
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
