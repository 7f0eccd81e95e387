package dev.parapet.audit;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * An embedded store filled with chained decisions spread evenly over the last day, for the
 * console's render bench: a third blocked, a third redacted, a third allowed, with one to three
 * rules and finding types each.
 */
public final class ConsoleBenchStore {

  private static final String[] DECISIONS = {"allow", "redact", "block"};
  private static final String[] RULES = {
    "baseline/block-critical-content",
    "general/redact-pii",
    "general/mask-profanity",
    "baseline/block-prompt-injection",
    "baseline/block-secrets"
  };
  private static final String[] TYPES = {
    "EMAIL_ADDRESS", "PHONE_NUMBER", "WEAPONS", "PROFANITY", "PROMPT_INJECTION"
  };

  private ConsoleBenchStore() {}

  /** A store filled before, migrated to the current schema. */
  public static AuditStore open(Path dir) {
    DataSource ds = AuditDatabase.embedded(dir);
    AuditDatabase.migrate(ds, false);
    return new AuditStore(ds);
  }

  public static AuditStore fill(Path dir, int records, Instant now) throws SQLException {
    DataSource ds = AuditDatabase.embedded(dir);
    AuditDatabase.migrate(ds, false);
    return fill(ds, records, now);
  }

  /** Fills a migrated store, such as a PostgreSQL database. */
  public static AuditStore fill(DataSource ds, int records, Instant now) throws SQLException {
    AuditStore store = new AuditStore(ds);
    Instant start = now.minus(Duration.ofHours(24));
    long step = Duration.ofHours(24).toMillis() / records;
    String prev = Canonical.GENESIS;
    for (int seq = 1; seq <= records; ) {
      List<SealedRecord> batch = new ArrayList<>(1000);
      for (int i = 0; i < 1000 && seq <= records; i++, seq++) {
        SealedRecord sealed =
            SealedRecord.seal(record(seq, start.plusMillis(step * seq)), "bench", seq, prev);
        prev = sealed.record().hash();
        batch.add(sealed);
      }
      store.insertSealed(batch);
    }
    return store;
  }

  private static AuditRecord record(int seq, Instant time) {
    String decision = DECISIONS[seq % 3];
    List<String> rules = new ArrayList<>();
    List<AuditRecord.AuditFinding> findings = new ArrayList<>();
    int n = decision.equals("allow") ? 0 : 1 + seq % 3;
    for (int i = 0; i < n; i++) {
      rules.add(RULES[(seq + i) % RULES.length]);
      findings.add(
          new AuditRecord.AuditFinding(
              "lexicon", TYPES[(seq + i) % TYPES.length], 10 * i, 10 * i + 5, "high"));
    }
    return new AuditRecord(
        AuditRecord.VERSION,
        UUID.randomUUID().toString(),
        time.toString(),
        "req-" + seq,
        seq % 2 == 0 ? "acme" : "globex",
        seq % 5 == 0 ? "healthcare" : "default",
        seq % 4 == 0 ? "output" : "input",
        decision,
        rules,
        findings,
        "sha256:" + "a".repeat(64),
        120,
        "b".repeat(64),
        null,
        0.3,
        false,
        List.of(),
        120,
        null,
        null,
        null,
        0,
        null,
        null);
  }
}
