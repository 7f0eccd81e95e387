package dev.parapet.audit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
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
    return fresh(kind, null);
  }

  /** A fresh store of the given kind, migrated up to a schema version (null: the latest). */
  static DataSource fresh(String kind, String version) throws IOException, SQLException {
    DataSource ds;
    if (kind.equals("h2")) {
      ds = AuditDatabase.embedded(Files.createTempDirectory("parapet-audit"));
    } else {
      ds = postgres();
      try (Connection c = ds.getConnection();
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA public CASCADE");
        s.execute("CREATE SCHEMA public");
      }
    }
    AuditDatabase.migrate(ds, !kind.equals("h2"), version);
    return ds;
  }

  /**
   * Writes chained records as the schema before version 3 kept them: one side row per rule and per
   * finding type.
   */
  static void writeWithSideRows(DataSource ds, List<SealedRecord> records) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement row =
            c.prepareStatement(
                "INSERT INTO audit_record (audit_id, node, seq, time_ms, request_id, tenant,"
                    + " profile, stage, decision, policy_version, prev_hash, hash, body)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
        PreparedStatement rule =
            c.prepareStatement("INSERT INTO audit_record_rule (audit_id, rule_id) VALUES (?,?)");
        PreparedStatement type =
            c.prepareStatement(
                "INSERT INTO audit_record_type (audit_id, finding_type) VALUES (?,?)")) {
      for (SealedRecord sealed : records) {
        AuditStore.bindColumns(row, sealed);
        row.executeUpdate();
        AuditRecord r = sealed.record();
        for (String id : r.rules()) {
          rule.setString(1, r.auditId());
          rule.setString(2, id);
          rule.executeUpdate();
        }
        for (String t :
            r.findings().stream().map(AuditRecord.AuditFinding::type).distinct().toList()) {
          type.setString(1, r.auditId());
          type.setString(2, t);
          type.executeUpdate();
        }
      }
    }
  }

  /** Links records into node n1's chain from its start, as the audit log would. */
  static List<SealedRecord> chain(List<AuditRecord> records) {
    List<SealedRecord> sealed = new ArrayList<>();
    String prev = Canonical.GENESIS;
    for (AuditRecord r : records) {
      SealedRecord s = SealedRecord.seal(r, "n1", sealed.size() + 1, prev);
      sealed.add(s);
      prev = s.record().hash();
    }
    return sealed;
  }

  static AuditRecord record(
      String decision, String profile, String rule, String type, Instant time) {
    return withTags(
        decision,
        profile,
        rule == null ? List.of() : List.of(rule),
        type == null ? List.of() : List.of(type),
        time);
  }

  /** A record whose rules fired and which holds one finding of each type, in the given order. */
  static AuditRecord withTags(
      String decision, String profile, List<String> rules, List<String> types, Instant time) {
    return new AuditRecord(
        AuditRecord.VERSION,
        UUID.randomUUID().toString(),
        time.toString(),
        "req-" + UUID.randomUUID(),
        "acme",
        profile,
        "input",
        decision,
        rules,
        types.stream()
            .map(type -> new AuditRecord.AuditFinding("lexicon", type, 0, 4, "high"))
            .toList(),
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
        null,
        0,
        null,
        null);
  }
}
