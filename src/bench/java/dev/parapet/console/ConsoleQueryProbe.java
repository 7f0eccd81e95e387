package dev.parapet.console;

import dev.parapet.audit.AuditQuery;
import dev.parapet.audit.AuditStore;
import dev.parapet.audit.ConsoleBenchStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * One timing of each query the Audit page makes, on a store {@link ConsoleRenderBench} filled
 * ({@code -Dstore=dir}), to see which one costs. Run: {@code mvn -Pbench test-compile exec:exec
 * -Dbench.main=dev.parapet.console.ConsoleQueryProbe -Dbench.jvm=-Dstore=DIR}.
 */
public final class ConsoleQueryProbe {

  private ConsoleQueryProbe() {}

  public static void main(String[] args) throws Exception {
    AuditStore store = ConsoleBenchStore.open(Path.of(System.getProperty("store")));
    Instant now = Instant.parse(store.page(AuditQuery.all(), null, 1).get(0).time()).plusSeconds(1);
    AuditQuery hour =
        new AuditQuery(now.minus(Duration.ofHours(1)), now, null, null, null, null, null, null, null);
    time("page of 50", () -> store.page(AuditQuery.all(), null, 50));
    time("stats decision, all", () -> store.stats(AuditQuery.all(), "decision"));
    time("stats decision, 1 h", () -> store.stats(hour, "decision"));
    time("stats rule, all", () -> store.stats(AuditQuery.all(), "rule"));
    time("stats rule, 1 h", () -> store.stats(hour, "rule"));
    time("stats decision, 1 h, again", () -> store.stats(hour, "decision"));
    time("stats rule, 1 h, again", () -> store.stats(hour, "rule"));
  }

  private static void time(String what, Callable<?> call) throws Exception {
    long a = System.nanoTime();
    call.call();
    System.out.printf(Locale.ROOT, "%s: %.1f ms%n", what, (System.nanoTime() - a) / 1e6);
  }
}
