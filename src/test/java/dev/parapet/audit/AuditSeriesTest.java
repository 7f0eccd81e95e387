package dev.parapet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Chart counts: one grouped query whatever the buckets and series, the same counts as the store's
 * own stats for every filter, on both stores.
 */
class AuditSeriesTest {

  private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  /** Counts the statements the store is asked to prepare, by the table they read. */
  private static final class Counting {
    final AtomicInteger records = new AtomicInteger();
    final AtomicInteger tags = new AtomicInteger();

    DataSource wrap(DataSource ds) {
      return proxy(
          DataSource.class,
          ds,
          (method, result) ->
              method.equals("getConnection")
                  ? proxy(Connection.class, result, (m, r) -> r)
                  : result);
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type, Object target, Wrap wrap) {
      return (T)
          Proxy.newProxyInstance(
              type.getClassLoader(),
              new Class<?>[] {type},
              (p, method, args) -> {
                if (method.getName().equals("prepareStatement") && args[0] instanceof String sql) {
                  (sql.contains("FROM audit_record") ? records : tags).incrementAndGet();
                }
                try {
                  return wrap.apply(method.getName(), method.invoke(target, args));
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }
  }

  @FunctionalInterface
  private interface Wrap {
    Object apply(String method, Object result);
  }

  /** Three hours of decisions: blocks by two rules, redactions of an email, plain allows. */
  private static DataSource filled(String kind) throws Exception {
    DataSource ds = AuditStores.fresh(kind);
    List<AuditRecord> records = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Instant at = T0.plusSeconds(i * 360L);
      records.add(
          switch (i % 3) {
            case 0 ->
                AuditStores.withTags(
                    "block", "default", List.of("b/weapons", "b/critical"), List.of("WEAPONS"), at);
            case 1 -> AuditStores.record("redact", "strict", "g/pii", "EMAIL_ADDRESS", at);
            default -> AuditStores.record("allow", "default", null, null, at);
          });
    }
    new AuditStore(ds).insertSealed(AuditStores.chain(records));
    return ds;
  }

  private static Map<String, Long> byDecision(List<AuditSeries.Cell> cells) {
    Map<String, Long> out = new TreeMap<>();
    cells.forEach(c -> out.merge(c.decision(), c.count(), Long::sum));
    return out;
  }

  private static Map<String, Long> byRule(List<AuditSeries.Cell> cells) {
    Map<String, Long> out = new TreeMap<>();
    cells.forEach(c -> c.tags().rules().forEach(r -> out.merge(r, c.count(), Long::sum)));
    return out;
  }

  private static Map<String, Long> byTime(List<AuditSeries.Cell> cells) {
    Map<String, Long> out = new TreeMap<>();
    cells.forEach(
        c -> out.merge(Instant.ofEpochMilli(c.bucketStartMs()).toString(), c.count(), Long::sum));
    return out;
  }

  private static AuditQuery query(String decision, String profile, String rule, String type) {
    return new AuditQuery(
        T0, T0.plus(Duration.ofHours(3)), decision, profile, null, null, rule, type, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void countsAsTheStoresStatsDoForEveryFilter(String kind) throws Exception {
    DataSource ds = filled(kind);
    AuditStore store = new AuditStore(ds);
    AuditSeries series = new AuditSeries(store);
    for (AuditQuery q :
        List.of(
            query(null, null, null, null),
            query("block", null, null, null),
            query(null, "strict", null, null),
            query(null, null, "b/weapons", null),
            query(null, null, null, "EMAIL_ADDRESS"),
            query("allow", null, "b/weapons", null))) {
      List<AuditSeries.Cell> cells = series.cells(q, HOUR);
      assertThat(byDecision(cells))
          .as("%s", q)
          .isEqualTo(new TreeMap<>(store.stats(q, "decision")));
      assertThat(byRule(cells)).as("%s", q).isEqualTo(new TreeMap<>(store.stats(q, "rule")));
      assertThat(byTime(cells)).as("%s", q).isEqualTo(new TreeMap<>(store.stats(q, "time", HOUR)));
    }
    assertThat(byRule(series.cells(query(null, null, null, null), HOUR)))
        .containsExactly(
            Map.entry("b/critical", 10L), Map.entry("b/weapons", 10L), Map.entry("g/pii", 10L));
  }

  @Test
  void knowsEveryFilterOfTheQuery() {
    // a filter added to AuditQuery must be added to AuditSeries.cells too, or charts overcount
    assertThat(Arrays.stream(AuditQuery.class.getRecordComponents()).map(c -> c.getName()))
        .containsExactlyInAnyOrder(
            "from",
            "to",
            "decision",
            "profile",
            "tenant",
            "stage",
            "rule",
            "type",
            "requestId",
            "shadowDecision",
            "caller");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void oneQueryOfTheRecordsWhateverTheBucketsAndTheTagSetsAreReadOnce(String kind)
      throws Exception {
    Counting counting = new Counting();
    AuditSeries series = new AuditSeries(new AuditStore(counting.wrap(filled(kind))));
    List<AuditSeries.Cell> minutes =
        series.cells(query(null, null, null, null), Duration.ofMinutes(1));
    assertThat(byTime(minutes)).hasSize(30);
    assertThat(counting.records.get()).isEqualTo(1);
    assertThat(counting.tags.get()).isEqualTo(1);

    series.cells(query(null, null, "g/pii", null), HOUR);
    assertThat(counting.records.get()).isEqualTo(2);
    assertThat(counting.tags.get()).as("tag sets are remembered").isEqualTo(1);
  }
}
