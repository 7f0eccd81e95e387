package dev.parapet.console;

import dev.parapet.audit.AuditQuery;
import dev.parapet.audit.AuditSeries;
import io.quarkus.qute.TemplateData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decisions over time, stacked by decision and by rule, as bars the page draws in SVG on the
 * server: no chart script. Both charts come from one grouped count of the store ({@link
 * AuditSeries}), by time in buckets of a round width (a second up to days) aligned on the epoch,
 * whatever the number of bars and series.
 */
final class DecisionChart {

  static final int BUCKETS = 24;
  static final int TOP_RULES = 5;
  static final int WIDTH = 720;
  static final int HEIGHT = 180;
  static final int LEFT = 40;
  static final int BOTTOM = 20;
  static final List<String> DECISIONS = List.of("allow", "redact", "block");

  /** Bucket widths a chart picks from: the smallest that keeps it within {@link #BUCKETS}. */
  private static final List<Duration> WIDTHS =
      List.of(
          Duration.ofSeconds(1),
          Duration.ofSeconds(5),
          Duration.ofSeconds(15),
          Duration.ofSeconds(30),
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(15),
          Duration.ofMinutes(30),
          Duration.ofHours(1),
          Duration.ofHours(2),
          Duration.ofHours(3),
          Duration.ofHours(6),
          Duration.ofHours(12),
          Duration.ofDays(1),
          Duration.ofDays(2),
          Duration.ofDays(7));

  private DecisionChart() {}

  /** The store's grouped counts, as {@link AuditSeries#cells} answers them. */
  @FunctionalInterface
  interface Counts {
    List<AuditSeries.Cell> cells(AuditQuery query, Duration bucket) throws SQLException;
  }

  /** A chart ready to draw: bars, axis labels, legend. */
  @TemplateData
  public record Chart(
      String title,
      int width,
      int height,
      int axisY,
      long max,
      List<Bar> bars,
      List<Tick> ticks,
      List<Legend> legend,
      String summary) {

    public boolean empty() {
      return max == 0;
    }
  }

  @TemplateData
  public record Bar(int x, int y, int w, int h, String cls, String title) {}

  @TemplateData
  public record Tick(int x, int y, String time) {}

  @TemplateData
  public record Legend(String cls, String label, long count) {}

  /** Both charts over the filter's range (the last 24 hours when it names none). */
  static List<Chart> draw(Counts store, AuditQuery q, Instant now) throws SQLException {
    Instant end = q.to() == null ? now : q.to();
    Instant start = q.from() == null ? end.minus(Duration.ofHours(24)) : q.from();
    if (!end.isAfter(start)) {
      end = start.plusSeconds(1);
    }
    Duration width = width(Duration.between(start, end));
    long step = width.toMillis();
    long first = Math.floorDiv(start.toEpochMilli(), step) * step;
    int n = (int) Math.max(1, ceilDiv(end.toEpochMilli() - first, step));
    List<Map<String, Long>> byDecision = empty(n);
    List<Map<String, Long>> byRule = empty(n);
    Map<String, Long> ruleTotals = new HashMap<>();
    for (AuditSeries.Cell cell : store.cells(q.between(start, end), width)) {
      long i = (cell.bucketStartMs() - first) / step;
      if (i < 0 || i >= n) {
        continue;
      }
      byDecision.get((int) i).merge(cell.decision(), cell.count(), Long::sum);
      for (String rule : cell.tags().rules()) {
        byRule.get((int) i).merge(rule, cell.count(), Long::sum);
        ruleTotals.merge(rule, cell.count(), Long::sum);
      }
    }
    List<String> topRules =
        ruleTotals.entrySet().stream()
            .sorted(
                Map.Entry.<String, Long>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(TOP_RULES)
            .map(Map.Entry::getKey)
            .toList();
    Instant at = Instant.ofEpochMilli(first);
    return List.of(
        chart("Decisions over time", byDecision, DECISIONS, at, step),
        chart("Top rules over time", byRule, topRules, at, step));
  }

  /** The smallest round width that draws a range in at most {@link #BUCKETS} bars. */
  static Duration width(Duration range) {
    long wanted = ceilDiv(range.toMillis(), BUCKETS);
    for (Duration w : WIDTHS) {
      if (w.toMillis() >= wanted) {
        return w;
      }
    }
    return Duration.ofDays(ceilDiv(wanted, Duration.ofDays(1).toMillis()));
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  private static List<Map<String, Long>> empty(int n) {
    List<Map<String, Long>> buckets = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      buckets.add(new HashMap<>());
    }
    return buckets;
  }

  static Chart chart(
      String title,
      List<Map<String, Long>> buckets,
      List<String> series,
      Instant start,
      long step) {
    long max = 0;
    for (Map<String, Long> b : buckets) {
      long sum = series.stream().mapToLong(s -> b.getOrDefault(s, 0L)).sum();
      max = Math.max(max, sum);
    }
    int plotW = WIDTH - LEFT;
    int plotH = HEIGHT - BOTTOM - 10;
    int slot = plotW / buckets.size();
    List<Bar> bars = new ArrayList<>();
    List<Tick> ticks = new ArrayList<>();
    for (int i = 0; i < buckets.size(); i++) {
      int x = LEFT + i * slot + 1;
      int base = HEIGHT - BOTTOM;
      Instant at = start.plusMillis(step * i);
      for (int s = 0; s < series.size(); s++) {
        long n = buckets.get(i).getOrDefault(series.get(s), 0L);
        if (n == 0 || max == 0) {
          continue;
        }
        int h = (int) Math.max(1, Math.round((double) n * plotH / max));
        base -= h;
        bars.add(new Bar(x, base, slot - 2, h, "s" + s, series.get(s) + ": " + n + " from " + at));
      }
      if (i % 6 == 0) {
        ticks.add(new Tick(x, HEIGHT - 4, at.toString()));
      }
    }
    List<Legend> legend = new ArrayList<>();
    for (int s = 0; s < series.size(); s++) {
      String name = series.get(s);
      legend.add(
          new Legend(
              "s" + s, name, buckets.stream().mapToLong(b -> b.getOrDefault(name, 0L)).sum()));
    }
    StringBuilder summary = new StringBuilder(title).append(": ");
    legend.forEach(l -> summary.append(l.label()).append(' ').append(l.count()).append("; "));
    return new Chart(
        title, WIDTH, HEIGHT, HEIGHT - BOTTOM, max, bars, ticks, legend, summary.toString());
  }
}
