package dev.parapet.console;

import dev.parapet.model.Finding;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Cuts a text into runs at every finding's edges (code point offsets, as the API gives them), so
 * that each run knows the findings covering it; overlapping findings nest without losing any.
 */
final class Highlighter {

  private Highlighter() {}

  /** A run of text and, when findings cover it, what to show on hover or focus. */
  @TemplateData
  record Segment(String text, boolean marked, String tip, String kind) {}

  /**
   * @param rulesByFinding the rule ids that acted on each finding, keyed by {@link #key(Finding)}
   */
  static List<Segment> segments(
      String text, List<Finding> findings, Map<String, List<String>> rulesByFinding) {
    int[] cps = text.codePoints().toArray();
    TreeSet<Integer> edges = new TreeSet<>(List.of(0, cps.length));
    for (Finding f : findings) {
      edges.add(Math.min(f.start(), cps.length));
      edges.add(Math.min(f.end(), cps.length));
    }
    List<Segment> out = new ArrayList<>();
    Integer from = edges.first();
    for (Integer to : edges.tailSet(from, false)) {
      int a = from;
      int b = to;
      List<Finding> covering =
          findings.stream().filter(f -> f.start() <= a && f.end() >= b && a < b).toList();
      String run = new String(cps, a, b - a);
      if (covering.isEmpty()) {
        out.add(new Segment(run, false, "", ""));
      } else {
        out.add(
            new Segment(
                run,
                true,
                covering.stream()
                    .map(f -> tip(f, rulesByFinding.getOrDefault(key(f), List.of())))
                    .collect(Collectors.joining(" | ")),
                covering.get(0).detector()));
      }
      from = to;
    }
    return out;
  }

  static String tip(Finding f, List<String> rules) {
    return f.type()
        + " · "
        + f.detector()
        + " ("
        + f.source()
        + ") · score "
        + String.format(Locale.ROOT, "%.2f", f.score())
        + " · "
        + (rules.isEmpty() ? "no rule acted" : "rule " + String.join(", ", rules));
  }

  /** Identifies a finding across the decision and its explanation. */
  static String key(Finding f) {
    return f.detector()
        + '|'
        + f.type()
        + '|'
        + f.start()
        + '|'
        + f.end()
        + '|'
        + f.message()
        + '|'
        + f.toolCall()
        + '|'
        + f.path()
        + '|'
        + f.document();
  }
}
