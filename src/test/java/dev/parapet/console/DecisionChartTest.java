package dev.parapet.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.audit.AuditQuery;
import dev.parapet.audit.AuditSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The audit charts: one grouped count of the store for both, drawn in round buckets. */
class DecisionChartTest {

  private static final Instant NOW = Instant.parse("2026-12-08T12:30:00Z");

  /** One call to the store's grouped counts. */
  private record Call(AuditQuery query, Duration bucket) {}

  /**
   * A store that answers with, in every bucket, one allowed record, one blocked by each of the
   * given rules' sets, and remembers what it was asked.
   */
  private static final class Recording implements DecisionChart.Counts {
    final List<Call> calls = new ArrayList<>();
    final List<Set<String>> ruleSets;

    Recording(List<Set<String>> ruleSets) {
      this.ruleSets = ruleSets;
    }

    @Override
    public List<AuditSeries.Cell> cells(AuditQuery query, Duration bucket) {
      calls.add(new Call(query, bucket));
      List<AuditSeries.Cell> cells = new ArrayList<>();
      long step = bucket.toMillis();
      long first = Math.floorDiv(query.from().toEpochMilli(), step) * step;
      for (long t = first; t < query.to().toEpochMilli(); t += step) {
        cells.add(new AuditSeries.Cell(t, "allow", new AuditSeries.Tags(Set.of(), Set.of()), 1));
        for (Set<String> rules : ruleSets) {
          cells.add(new AuditSeries.Cell(t, "block", new AuditSeries.Tags(rules, Set.of()), 1));
        }
      }
      return cells;
    }
  }

  @Test
  void bothChartsComeFromOneGroupedCountInHourBuckets() throws Exception {
    Recording store = new Recording(List.of(Set.of("b/weapons")));
    DecisionChart.draw(store, AuditQuery.all(), NOW);
    assertThat(store.calls).hasSize(1);
    Call call = store.calls.get(0);
    assertThat(call.bucket()).isEqualTo(Duration.ofHours(1));
    assertThat(call.query().from()).isEqualTo(NOW.minus(Duration.ofHours(24)));
    assertThat(call.query().to()).isEqualTo(NOW);
  }

  @Test
  void countsLandInTheBarOfTheirHour() throws Exception {
    List<DecisionChart.Chart> charts =
        DecisionChart.draw(new Recording(List.of(Set.of("b/weapons"))), AuditQuery.all(), NOW);
    DecisionChart.Chart decisions = charts.get(0);
    // 12:30 yesterday to 12:30 today: 25 hours begin in it, the first and the last cut short
    assertThat(decisions.legend())
        .extracting(DecisionChart.Legend::count)
        .containsExactly(25L, 0L, 25L);
    assertThat(decisions.bars()).hasSize(25 * 2);
    assertThat(decisions.max()).isEqualTo(2);
    assertThat(charts.get(1).legend())
        .extracting(DecisionChart.Legend::label, DecisionChart.Legend::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("b/weapons", 25L));
  }

  @Test
  void theRuleChartShowsTheFiveRulesThatFiredMost() throws Exception {
    List<Set<String>> sets = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      for (int n = 0; n <= i; n++) {
        sets.add(Set.of("r/" + i)); // rule r/i fires i + 1 times a bucket
      }
    }
    sets.add(Set.of("r/5", "r/6"));
    List<DecisionChart.Chart> charts =
        DecisionChart.draw(new Recording(sets), AuditQuery.all(), NOW);
    assertThat(charts.get(1).legend())
        .extracting(DecisionChart.Legend::label)
        .containsExactly("r/6", "r/5", "r/4", "r/3", "r/2");
  }

  @Test
  void theRangeIsTheFiltersWithItsOtherFieldsKept() throws Exception {
    Recording store = new Recording(List.of());
    Instant from = NOW.minus(Duration.ofDays(30));
    AuditQuery q =
        new AuditQuery(from, NOW, "block", "default", "acme", "input", "b/x", "WEAPONS", null);
    DecisionChart.draw(store, q, NOW);
    Call call = store.calls.get(0);
    assertThat(call.query()).isEqualTo(q);
    assertThat(call.bucket()).isEqualTo(Duration.ofDays(2));
  }

  @Test
  void bucketsAreRoundWidthsThatKeepAChartWithin24Bars() {
    assertThat(DecisionChart.width(Duration.ofHours(24))).isEqualTo(Duration.ofHours(1));
    assertThat(DecisionChart.width(Duration.ofHours(2))).isEqualTo(Duration.ofMinutes(5));
    assertThat(DecisionChart.width(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(1));
    assertThat(DecisionChart.width(Duration.ofDays(365))).isEqualTo(Duration.ofDays(16));
  }
}
