package dev.parapet.audit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** The two audit stores the tests run against: embedded H2 and a real PostgreSQL. */
final class AuditStores {

  private static EmbeddedPostgres postgres;

  private AuditStores() {}

  static synchronized DataSource postgres() throws IOException {
    if (postgres == null) {
      postgres = EmbeddedPostgres.start();
    }
    return postgres.getPostgresDatabase();
  }

  /** A fresh, migrated store of the given kind. */
  static DataSource fresh(String kind) throws IOException, SQLException {
    if (kind.equals("h2")) {
      Path dir = Files.createTempDirectory("parapet-audit");
      DataSource ds = AuditDatabase.embedded(dir);
      AuditDatabase.migrate(ds, false);
      return ds;
    }
    DataSource ds = postgres();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA public CASCADE");
      s.execute("CREATE SCHEMA public");
    }
    AuditDatabase.migrate(ds, true);
    return ds;
  }

  static AuditRecord record(
      String decision, String profile, String rule, String type, Instant time) {
    return new AuditRecord(
        AuditRecord.VERSION,
        UUID.randomUUID().toString(),
        time.toString(),
        "req-" + UUID.randomUUID(),
        "acme",
        profile,
        "input",
        decision,
        rule == null ? List.of() : List.of(rule),
        type == null
            ? List.of()
            : List.of(new AuditRecord.AuditFinding("lexicon", type, 0, 4, "high")),
        "sha256:" + "a".repeat(64),
        12,
        "b".repeat(64),
        null,
        0.3,
        false,
        List.of(),
        12,
        null,
        null,
        0,
        null,
        null);
  }
}
