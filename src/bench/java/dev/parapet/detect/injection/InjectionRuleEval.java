package dev.parapet.detect.injection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.detect.DetectorInput;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.Stage;
import dev.parapet.text.Normalizer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recall and false positives of the rule-based injection detector alone on a labelled JSONL set
 * (fields {@code text}, {@code label} injection|benign, {@code subtype}, {@code source}): per
 * subtype, per benign source, per signal family (how many attacks each family is seen in, and how
 * many would be missed without it), and at several thresholds.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) \
 *   dev.parapet.detect.injection.InjectionRuleEval FILE [threshold] [misses-per-subtype]
 * </pre>
 */
public final class InjectionRuleEval {

  private record Row(String text, boolean attack, String subtype, List<Signal> signals) {}

  private InjectionRuleEval() {}

  public static void main(String[] args) throws IOException {
    double threshold = args.length > 1 ? Double.parseDouble(args[1]) : 0.7;
    int show = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    InjectionDetector detector = new InjectionDetector();
    Normalizer normalizer = new Normalizer();
    ObjectMapper json = new ObjectMapper();
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = json.readTree(line);
      String text = n.get("text").asText();
      boolean attack =
          n.path("label").asText().equals("injection") || n.path("expected").asText().equals("block");
      String subtype = n.path("subtype").asText(n.path("source").asText("?"));
      CheckContext context =
          new CheckContext(Stage.INPUT, "default", "", Map.of(), text.codePointCount(0, text.length()));
      rows.add(
          new Row(
              text,
              attack,
              subtype,
              detector.signals(new DetectorInput(normalizer.normalize(text), context))));
    }
    out.printf(Locale.ROOT, "threshold %.2f, %d texts%n%n", threshold, rows.size());
    table(rows, threshold, out, null);
    out.println("\n| threshold | recall | false positives |\n|---:|---:|---:|");
    for (double t : new double[] {0.4, 0.5, 0.6, 0.7, 0.8, 0.9}) {
      out.printf(Locale.ROOT, "| %.1f | %.3f | %.3f |%n", t, rate(rows, true, t, null), rate(rows, false, t, null));
    }
    out.println("\n| family | attacks it is seen in | attacks missed without it | benign it is seen in |");
    out.println("|---|---:|---:|---:|");
    double all = rate(rows, true, threshold, null);
    for (SignalKind.Family family : SignalKind.Family.values()) {
      long seen = rows.stream().filter(r -> r.attack() && has(r, family)).count();
      long benign = rows.stream().filter(r -> !r.attack() && has(r, family)).count();
      long attacks = rows.stream().filter(Row::attack).count();
      double without = rate(rows, true, threshold, family);
      out.printf(
          Locale.ROOT,
          "| %s | %d | %d | %d |%n",
          family.name().toLowerCase(Locale.ROOT),
          seen,
          Math.round((all - without) * attacks),
          benign);
    }
    if (show > 0) {
      Map<String, Integer> shown = new TreeMap<>();
      for (Row r : rows) {
        boolean hit = score(r, null) >= threshold;
        if (r.attack() != hit && shown.merge(r.subtype(), 1, Integer::sum) <= show) {
          out.printf(
              Locale.ROOT,
              "%s %s %.2f %s :: %s%n",
              r.attack() ? "MISS" : "FP",
              r.subtype(),
              score(r, null),
              r.signals().stream().map(Signal::wireName).distinct().toList(),
              r.text().replace('\n', ' ').substring(0, Math.min(220, r.text().length())));
        }
      }
    }
  }

  private static boolean has(Row r, SignalKind.Family family) {
    return r.signals().stream().anyMatch(s -> s.kind().family() == family);
  }

  private static double score(Row r, SignalKind.Family without) {
    List<Signal> kept =
        without == null
            ? new ArrayList<>(r.signals())
            : new ArrayList<>(r.signals().stream().filter(s -> s.kind().family() != without).toList());
    double max = 0;
    for (Finding f : InjectionDetector.findings(kept)) {
      max = Math.max(max, f.score());
    }
    return max;
  }

  private static double rate(List<Row> rows, boolean attacks, double t, SignalKind.Family without) {
    long n = rows.stream().filter(r -> r.attack() == attacks).count();
    long hit = rows.stream().filter(r -> r.attack() == attacks && score(r, without) >= t).count();
    return n == 0 ? Double.NaN : (double) hit / n;
  }

  private static void table(List<Row> rows, double t, PrintStream out, Object unused) {
    Map<String, int[]> by = new TreeMap<>();
    for (Row r : rows) {
      int[] c = by.computeIfAbsent((r.attack() ? "attack " : "benign ") + r.subtype(), k -> new int[2]);
      c[0]++;
      c[1] += score(r, null) >= t ? 1 : 0;
    }
    out.println("| set | texts | flagged | rate |\n|---|---:|---:|---:|");
    int[] attacks = new int[2];
    int[] benign = new int[2];
    by.forEach(
        (k, c) -> {
          out.printf(Locale.ROOT, "| %s | %d | %d | %.3f |%n", k, c[0], c[1], (double) c[1] / c[0]);
          int[] sum = k.startsWith("attack") ? attacks : benign;
          sum[0] += c[0];
          sum[1] += c[1];
        });
    out.printf(Locale.ROOT, "| **all attacks (recall)** | %d | %d | %.3f |%n", attacks[0], attacks[1], (double) attacks[1] / attacks[0]);
    out.printf(Locale.ROOT, "| **all benign (FP)** | %d | %d | %.3f |%n", benign[0], benign[1], (double) benign[1] / Math.max(1, benign[0]));
  }
}
