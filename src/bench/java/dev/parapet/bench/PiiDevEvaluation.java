package dev.parapet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.detect.DetectorInput;
import dev.parapet.detect.pii.PiiDetector;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.Stage;
import dev.parapet.text.Normalizer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recall and false positives of the PII detector per entity type over a labelled JSON Lines file
 * (the development set's shape: {@code entity_type}, {@code text}, {@code expected}, {@code spans},
 * {@code value}). Uses only the detector's public API, so it runs against any build's classes:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) dev.parapet.bench.PiiDevEvaluation \
 *   /work/shared/eval-dev/pii_dev.jsonl [rulesDir]
 * </pre>
 *
 * A positive counts as found when a {@code pii} finding overlaps its span ("any"), and as typed when
 * that finding also has the case's type; a negative is a false positive when a {@code pii} finding
 * overlaps the written value.
 */
public final class PiiDevEvaluation {

  /** Types whose misses and false positives are printed: {@code -Dmisses=IBAN_CODE,ES_NIF}. */
  private static final java.util.Set<String> SHOW =
      java.util.Set.of(System.getProperty("misses", "").split(","));

  private PiiDevEvaluation() {}

  /** Per-type counts. */
  private static final class Row {
    int positives;
    int found;
    int typed;
    int negatives;
    int falsePositives;
  }

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : "/work/shared/eval-dev/pii_dev.jsonl");
    PiiDetector detector = PiiDetector.load(Path.of(args.length > 1 ? args[1] : "rules"));
    Normalizer normalizer = new Normalizer();
    ObjectMapper json = new ObjectMapper();
    Map<String, Row> rows = new TreeMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode c = json.readTree(line);
      String text = c.get("text").asText();
      String type = c.get("entity_type").asText();
      int length = text.codePointCount(0, text.length());
      CheckContext ctx = new CheckContext(Stage.INPUT, "default", "", Map.of(), length);
      List<Finding> findings =
          detector.detect(new DetectorInput(normalizer.normalize(text), ctx));
      Row row = rows.computeIfAbsent(type, t -> new Row());
      if (c.get("expected").asBoolean()) {
        JsonNode span = c.get("spans").get(0);
        int start = span.get(0).asInt();
        int end = span.get(1).asInt();
        row.positives++;
        boolean any = false;
        boolean typed = false;
        for (Finding f : findings) {
          if (f.start() < end && f.end() > start) {
            any = true;
            typed |= f.type().equals(type);
          }
        }
        if (!typed && SHOW.contains(type)) {
          System.out.println("missed " + type + ": " + text + " " + findings);
        }
        row.found += any ? 1 : 0;
        row.typed += typed ? 1 : 0;
      } else {
        String value = c.path("value").asText();
        int at = text.indexOf(value);
        int start = at < 0 ? 0 : text.codePointCount(0, at);
        int end = at < 0 ? length : start + value.codePointCount(0, value.length());
        row.negatives++;
        boolean hit = false;
        for (Finding f : findings) {
          hit |= f.start() < end && f.end() > start;
        }
        if (hit && SHOW.contains(type)) {
          System.out.println("false positive " + type + ": " + text + " " + findings);
        }
        row.falsePositives += hit ? 1 : 0;
      }
    }
    print(rows, System.out);
  }

  private static void print(Map<String, Row> rows, PrintStream out) {
    out.println("| type | positives | recall (any pii) | recall (same type) | negatives | FP rate |");
    out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
    Row named = new Row();
    Row stdnum = new Row();
    rows.forEach(
        (type, r) -> {
          Row sum = type.startsWith("STDNUM_") ? stdnum : named;
          sum.positives += r.positives;
          sum.found += r.found;
          sum.typed += r.typed;
          sum.negatives += r.negatives;
          sum.falsePositives += r.falsePositives;
          if (!type.startsWith("STDNUM_")) {
            out.println(line(type, r));
          }
        });
    out.println(line("**named types**", named));
    out.println(line("**STDNUM_* (all)**", stdnum));
  }

  private static String line(String type, Row r) {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %s | %s | %d | %s |",
        type,
        r.positives,
        ratio(r.found, r.positives),
        ratio(r.typed, r.positives),
        r.negatives,
        ratio(r.falsePositives, r.negatives));
  }

  private static String ratio(int part, int whole) {
    return whole == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) part / whole);
  }
}
