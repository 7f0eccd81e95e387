package dev.parapet.console;

import dev.parapet.audit.AuditDatabase;
import dev.parapet.audit.AuditQuery;
import dev.parapet.audit.AuditRecord;
import dev.parapet.audit.AuditSeries;
import dev.parapet.audit.AuditStore;
import dev.parapet.audit.ConsoleBenchStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * What the console's Audit page asks of the store, timed with 100,000 decisions spread over the
 * last day: the first page of 50 and both charts (one grouped count, {@link AuditSeries}), for the
 * filters an auditor uses most, on embedded H2 ({@code -Ddb=h2}, the default) or PostgreSQL
 * ({@code -Ddb=postgres}, an embedded server). {@code -Dbefore=true} also times the charts as they
 * were drawn before, two counts per bucket. Prints the median and worst of 20 runs after 5 warm-up
 * runs per filter. Run: {@code mvn -Pbench test-compile exec:exec
 * -Dbench.main=dev.parapet.console.ConsoleRenderBench}; {@code -Dbench.jvm=-Dstore=DIR} reuses an
 * H2 store an earlier run filled.
 */
public final class ConsoleRenderBench {

  private static final int RUNS = Integer.getInteger("runs", 20);
  private static final int RUNS_WARM = Integer.getInteger("warmup", 5);

  /**
   * On embedded H2 the whole count runs on the calling thread, so its CPU time is what the charts
   * cost on a machine no one else is using; on PostgreSQL it is only the client's share.
   */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ConsoleRenderBench() {}

  public static void main(String[] args) throws Exception {
    int records = Integer.getInteger("records", 100_000);
    boolean postgres = "postgres".equals(System.getProperty("db", "h2"));
    String reuse = System.getProperty("store");
    long filled = System.nanoTime();
    AuditStore store;
    Instant now;
    EmbeddedPostgres server = null;
    if (postgres) {
      server = EmbeddedPostgres.start();
      DataSource ds = server.getPostgresDatabase();
      AuditDatabase.migrate(ds, true);
      now = Instant.now();
      store = ConsoleBenchStore.fill(ds, records, now);
      // what autovacuum does soon after a load: statistics, and the visibility map that lets
      // counts read the index alone
      try (Connection c = ds.getConnection();
          Statement s = c.createStatement()) {
        s.execute("VACUUM ANALYZE");
      }
    } else if (reuse != null) {
      // a store an earlier run filled (-Dstore=its directory): filling takes minutes
      store = ConsoleBenchStore.open(Path.of(reuse));
      now = Instant.parse(store.page(AuditQuery.all(), null, 1).get(0).time()).plusSeconds(1);
    } else {
      Path dir = Files.createTempDirectory("parapet-console-bench");
      System.out.println("store: " + dir);
      now = Instant.now();
      store = ConsoleBenchStore.fill(dir, records, now);
    }
    System.out.printf(
        Locale.ROOT,
        "%s: %d records in the store, ready in %.1f s%n",
        postgres ? "PostgreSQL" : "H2",
        store.count(),
        (System.nanoTime() - filled) / 1e9);
    try {
      run(store, now, Boolean.getBoolean("before"));
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  private static void run(AuditStore store, Instant now, boolean before) throws SQLException {
    AuditSeries series = new AuditSeries(store);
    List<Object[]> filters =
        List.of(
            new Object[] {"no filter (last 24 h)", AuditQuery.all()},
            new Object[] {"decision=block", query(null, null, "block", null, null)},
            new Object[] {
              "rule=general/redact-pii", query(null, null, null, "general/redact-pii", null)
            },
            new Object[] {"type=WEAPONS", query(null, null, null, null, "WEAPONS")},
            new Object[] {
              "last 2 h, tenant acme",
              new AuditQuery(
                  now.minusSeconds(7200), now, null, null, "acme", null, null, null, null)
            });
    System.out.println(
        "| filter | page of 50, median ms | charts, median ms | page + charts, median ms | worst"
            + " ms | charts, CPU ms of this thread |"
            + (before ? " charts before (48 counts), median ms |" : ""));
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |" + (before ? " ---: |" : ""));
    for (Object[] f : filters) {
      AuditQuery q = (AuditQuery) f[1];
      double[] page = new double[RUNS];
      double[] charts = new double[RUNS];
      double[] both = new double[RUNS];
      double[] cpu = new double[RUNS];
      for (int run = -RUNS_WARM; run < RUNS; run++) {
        // each run's range ends a millisecond later, as a page asked for again would: H2 answers
        // a statement repeated with the same parameters on unchanged data from its last result,
        // so no two runs of any filter ask the same
        Instant end =
            (q.to() == null ? now : q.to()).plusMillis(1000L * filters.indexOf(f) + run + RUNS_WARM);
        AuditQuery asked = q.between(q.from(), end);
        long a = System.nanoTime();
        List<AuditRecord> items = store.page(asked, null, AuditPage.PAGE);
        long b = System.nanoTime();
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        DecisionChart.draw(series::cells, asked, end);
        long cpuAfter = THREADS.getCurrentThreadCpuTime();
        long c = System.nanoTime();
        if (items.isEmpty()) {
          throw new IllegalStateException("no record matches " + f[0]);
        }
        if (run >= 0) {
          page[run] = (b - a) / 1e6;
          charts[run] = (c - b) / 1e6;
          both[run] = (c - a) / 1e6;
          cpu[run] = (cpuAfter - cpuBefore) / 1e6;
        }
      }
      String old = "";
      if (before) {
        double[] perBucket = new double[3];
        for (int run = -1; run < perBucket.length; run++) {
          long a = System.nanoTime();
          countPerBucket(store, q, now);
          if (run >= 0) {
            perBucket[run] = (System.nanoTime() - a) / 1e6;
          }
        }
        old = String.format(Locale.ROOT, " %.0f |", median(perBucket));
      }
      System.out.printf(
          Locale.ROOT,
          "| %s | %.1f | %.1f | %.1f | %.1f | %.1f |%s%n",
          f[0],
          median(page),
          median(charts),
          median(both),
          Arrays.stream(both).max().orElse(0),
          median(cpu),
          old);
    }
  }

  /** The charts' queries before {@link AuditSeries}: decisions and rules counted per bucket. */
  private static void countPerBucket(AuditStore store, AuditQuery q, Instant now)
      throws SQLException {
    Instant end = q.to() == null ? now : q.to();
    Instant start = q.from() == null ? end.minus(Duration.ofHours(24)) : q.from();
    long step = Math.max(1, Duration.between(start, end).toMillis() / 24);
    for (int i = 0; i < 24; i++) {
      Instant a = start.plusMillis(step * i);
      AuditQuery bucket = q.between(a, i == 23 ? end : a.plusMillis(step));
      store.stats(bucket, "decision");
      store.stats(bucket, "rule");
    }
  }

  private static AuditQuery query(
      Instant from, Instant to, String decision, String rule, String type) {
    return new AuditQuery(from, to, decision, null, null, null, rule, type, null);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
