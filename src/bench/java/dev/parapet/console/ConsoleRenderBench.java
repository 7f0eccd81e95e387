package dev.parapet.console;

import dev.parapet.audit.AuditQuery;
import dev.parapet.audit.AuditRecord;
import dev.parapet.audit.AuditStore;
import dev.parapet.audit.ConsoleBenchStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the console's Audit page asks of the store, timed with 100,000 decisions in the embedded
 * store: the first page of 50 and both 24-bucket charts, for the filters an auditor uses most.
 * Prints the median and worst of 20 runs after 5 warm-up runs per filter. Run: {@code mvn -Pbench
 * test-compile exec:exec -Dbench.main=dev.parapet.console.ConsoleRenderBench}.
 */
public final class ConsoleRenderBench {

  private static final int RUNS = Integer.getInteger("runs", 20);
  private static final int RUNS_WARM = Integer.getInteger("warmup", 5);

  private ConsoleRenderBench() {}

  public static void main(String[] args) throws Exception {
    int records = Integer.getInteger("records", 100_000);
    String reuse = System.getProperty("store");
    long filled = System.nanoTime();
    AuditStore store;
    Instant now;
    if (reuse != null) {
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
        "%d records in the store, ready in %.1f s%n",
        store.count(),
        (System.nanoTime() - filled) / 1e9);
    List<Object[]> filters =
        List.of(
            new Object[] {"no filter (last 24 h)", AuditQuery.all()},
            new Object[] {"decision=block", query(null, null, "block", null, null)},
            new Object[] {"rule=general/redact-pii", query(null, null, null, "general/redact-pii", null)},
            new Object[] {"type=WEAPONS", query(null, null, null, null, "WEAPONS")},
            new Object[] {"last 2 h, tenant acme", new AuditQuery(now.minusSeconds(7200), now, null, null, "acme", null, null, null, null)});
    System.out.println("| filter | page of 50, median ms | charts, median ms | page + charts, median ms | worst ms |");
    System.out.println("| --- | ---: | ---: | ---: | ---: |");
    for (Object[] f : filters) {
      AuditQuery q = (AuditQuery) f[1];
      double[] page = new double[RUNS];
      double[] charts = new double[RUNS];
      double[] both = new double[RUNS];
      for (int run = -RUNS_WARM; run < RUNS; run++) {
        long a = System.nanoTime();
        List<AuditRecord> items = store.page(q, null, AuditPage.PAGE);
        long b = System.nanoTime();
        DecisionChart.draw(store, q, now);
        long c = System.nanoTime();
        if (items.isEmpty()) {
          throw new IllegalStateException("no record matches " + f[0]);
        }
        if (run >= 0) {
          page[run] = (b - a) / 1e6;
          charts[run] = (c - b) / 1e6;
          both[run] = (c - a) / 1e6;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "| %s | %.1f | %.1f | %.1f | %.1f |%n",
          f[0],
          median(page),
          median(charts),
          median(both),
          Arrays.stream(both).max().orElse(0));
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
