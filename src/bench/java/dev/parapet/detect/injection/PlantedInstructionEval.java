package dev.parapet.detect.injection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.detect.DetectorInput;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.Stage;
import dev.parapet.model.Trust;
import dev.parapet.text.Normalizer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import dev.parapet.detect.injection.PlantedInstructionScores.Row;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Recall and false positives of the whole injection detector on documents with and without a
 * planted instruction ({@code src/test/resources/injection/planted-documents.jsonl}): a text of
 * {@code mode: outside} is checked as a tool result (trust outside, judged from the starter
 * policy's 0.4), one of {@code mode: user} as a user's text (judged from the profile threshold).
 * Per mode, genre, language and planted subtype.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) \
 *   dev.parapet.detect.injection.PlantedInstructionEval [FILE] [user-threshold=0.7] [show misses]
 * </pre>
 */
public final class PlantedInstructionEval {


  /** The starter policy's threshold for outside content (baseline/conversation.drl). */
  static final double OUTSIDE_THRESHOLD = 0.4;

  private PlantedInstructionEval() {}

  public static void main(String[] args) throws IOException {
    Path file =
        Path.of(args.length > 0 ? args[0] : "src/test/resources/injection/planted-documents.jsonl");
    double threshold = args.length > 1 ? Double.parseDouble(args[1]) : 0.7;
    boolean show = args.length > 2 && Boolean.parseBoolean(args[2]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    List<Row> rows = PlantedInstructionScores.score(Files.readString(file, StandardCharsets.UTF_8), new InjectionDetector());
    out.printf(
        Locale.ROOT,
        "%d documents; user text flagged from %.2f, outside content from %.2f%n",
        rows.size(),
        threshold,
        OUTSIDE_THRESHOLD);
    table("split", rows, Row::split, threshold, out);
    table("mode", rows, Row::mode, threshold, out);
    table("genre", rows, Row::genre, threshold, out);
    table("language", rows, Row::lang, threshold, out);
    table("planted subtype (attacks only)", rows, r -> r.attack() ? r.subtype() : "-", threshold,
        out);
    if (show) {
      for (Row r : rows) {
        if (r.attack() != flagged(r, threshold)) {
          out.printf(
              Locale.ROOT,
              "%s %s %.3f %s%n",
              r.attack() ? "MISS" : "FP  ",
              r.mode(),
              r.score(),
              r.text().replace('\n', ' '));
        }
      }
    }
  }

  static boolean flagged(Row r, double userThreshold) {
    return r.score() >= (r.mode().equals("outside") ? OUTSIDE_THRESHOLD : userThreshold);
  }

  private static void table(
      String title, List<Row> rows, Function<Row, String> by, double threshold, PrintStream out) {
    Map<String, int[]> counts = new TreeMap<>();
    for (Row r : rows) {
      int[] c = counts.computeIfAbsent(by.apply(r), k -> new int[4]);
      c[r.attack() ? 0 : 2]++;
      if (flagged(r, threshold)) {
        c[r.attack() ? 1 : 3]++;
      }
    }
    out.printf(
        Locale.ROOT,
        "%n| %s | planted | recall | clean | false positives |%n|---|---:|---:|---:|---:|%n",
        title);
    int[] all = new int[4];
    counts.forEach(
        (k, c) -> {
          out.printf(
              Locale.ROOT, "| %s | %d | %s | %d | %s |%n", k, c[0], rate(c[1], c[0]), c[2],
              rate(c[3], c[2]));
          for (int i = 0; i < 4; i++) {
            all[i] += c[i];
          }
        });
    out.printf(
        Locale.ROOT, "| **all** | %d | %s | %d | %s |%n", all[0], rate(all[1], all[0]), all[2],
        rate(all[3], all[2]));
  }

  private static String rate(int hits, int of) {
    return of == 0 ? "-" : String.format(Locale.ROOT, "%.3f", hits / (double) of);
  }
}
