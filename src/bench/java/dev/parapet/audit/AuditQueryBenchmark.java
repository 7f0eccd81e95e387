package dev.parapet.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What auditors' queries cost on the embedded store once it holds many decisions: counts by rule,
 * finding type and decision over all of them, and the first page filtered by a rule or a type.
 * Records come in four shapes, a quarter each (no rule; one to three rules with as many finding
 * types), chained and stored in batches of 1,000 as the ingester stores them. Run: {@code mvn
 * -Pbench test-compile exec:exec -Djmh.args=AuditQueryBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx2g", "-Dlogging.initial-configurator.min-level=INFO"})
public class AuditQueryBenchmark {

  private static final String[] RULES = {
    "baseline/block-secrets",
    "general/redact-pii",
    "general/mask-profanity",
    "baseline/block-prompt-injection"
  };
  private static final String[] TYPES = {
    "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "PROFANITY", "PROMPT_INJECTION"
  };
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  @Param({"300000"})
  public int records;

  private Path dir;
  private DataSource dataSource;
  private AuditStore store;

  @Setup(Level.Trial)
  public void fill() throws IOException, SQLException {
    dir = Files.createTempDirectory("parapet-audit-bench");
    dataSource = AuditDatabase.embedded(dir);
    AuditDatabase.migrate(dataSource, false);
    store = new AuditStore(dataSource);
    String prev = Canonical.GENESIS;
    for (int seq = 1; seq <= records; ) {
      List<SealedRecord> batch = new ArrayList<>(1000);
      for (int i = 0; i < 1000 && seq <= records; i++, seq++) {
        SealedRecord sealed = SealedRecord.seal(record(seq), "bench", seq, prev);
        prev = sealed.record().hash();
        batch.add(sealed);
      }
      store.insertSealed(batch);
    }
  }

  private static AuditRecord record(int seq) {
    int shape = seq % 4;
    List<String> rules = new ArrayList<>();
    List<AuditRecord.AuditFinding> findings = new ArrayList<>();
    for (int i = 0; i < shape; i++) {
      rules.add(RULES[(seq + i) % RULES.length]);
      findings.add(
          new AuditRecord.AuditFinding(
              "pii", TYPES[(seq + i) % TYPES.length], 100 * i, 100 * i + 20, "high"));
    }
    return new AuditRecord(
        AuditRecord.VERSION,
        UUID.randomUUID().toString(),
        T0.plusMillis(seq).toString(),
        UUID.randomUUID().toString(),
        "acme",
        "default",
        "input",
        shape == 0 ? "allow" : "redact",
        rules,
        findings,
        "sha256:" + "a".repeat(64),
        1900,
        "b".repeat(64),
        null,
        0.3,
        false,
        List.of(),
        1900,
        null,
        null,
        null,
        0,
        null,
        null);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    AuditDatabase.close(dataSource);
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Benchmark
  public Map<String, Long> countByRule() throws SQLException {
    return store.stats(AuditQuery.all(), "rule");
  }

  @Benchmark
  public Map<String, Long> countByType() throws SQLException {
    return store.stats(AuditQuery.all(), "type");
  }

  @Benchmark
  public Map<String, Long> countByDecision() throws SQLException {
    return store.stats(AuditQuery.all(), "decision");
  }

  @Benchmark
  public List<AuditRecord> pageByRule() throws SQLException {
    return store.page(
        new AuditQuery(null, null, null, null, null, null, RULES[2], null, null), null, 50);
  }

  @Benchmark
  public List<AuditRecord> pageByType() throws SQLException {
    return store.page(
        new AuditQuery(null, null, null, null, null, null, null, TYPES[4], null), null, 50);
  }
}
