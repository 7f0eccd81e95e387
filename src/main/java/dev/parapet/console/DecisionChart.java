package dev.parapet.console;

import dev.parapet.audit.AuditQuery;
import dev.parapet.audit.AuditStore;
import io.quarkus.qute.TemplateData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decisions over time, stacked by decision and by rule, as bars the page draws in SVG on the
 * server: no chart script. Counts come from the store's own counting query, one per bucket.
 */
final class DecisionChart {

  static final int BUCKETS = 24;
  static final int TOP_RULES = 5;
  static final int WIDTH = 720;
  static final int HEIGHT = 180;
  static final int LEFT = 40;
  static final int BOTTOM = 20;

  private DecisionChart() {}

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
  static List<Chart> draw(AuditStore store, AuditQuery q, Instant now) throws SQLException {
    Instant end = q.to() == null ? now : q.to();
    Instant start = q.from() == null ? end.minus(Duration.ofHours(24)) : q.from();
    long step = Math.max(1, Duration.between(start, end).toMillis() / BUCKETS);
    List<Map<String, Long>> decisions = new ArrayList<>();
    List<Map<String, Long>> rules = new ArrayList<>();
    for (int i = 0; i < BUCKETS; i++) {
      Instant a = start.plusMillis(step * i);
      Instant b = i == BUCKETS - 1 ? end : start.plusMillis(step * (i + 1));
      AuditQuery bucket = within(q, a, b);
      decisions.add(store.stats(bucket, "decision"));
      rules.add(store.stats(bucket, "rule"));
    }
    Map<String, Long> ruleTotals = new LinkedHashMap<>();
    rules.forEach(m -> m.forEach((k, v) -> ruleTotals.merge(k, v, Long::sum)));
    List<String> topRules =
        ruleTotals.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(TOP_RULES)
            .map(Map.Entry::getKey)
            .toList();
    return List.of(
        chart("Decisions over time", decisions, List.of("allow", "redact", "block"), start, step),
        chart("Top rules over time", rules, topRules, start, step));
  }

  private static AuditQuery within(AuditQuery q, Instant a, Instant b) {
    return new AuditQuery(
        a, b, q.decision(), q.profile(), q.tenant(), q.stage(), q.rule(), q.type(), q.requestId());
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
