package dev.parapet.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.detect.injection.InjectionDetector;
import dev.parapet.detect.secret.SecretDetector;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.Stage;
import dev.parapet.text.Normalizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the detectors on labelled sets written for them, half of them hard
 * negatives; fails below the floors the product promises.
 */
class DetectorQualityTest {

  static final double INJECTION_THRESHOLD = 0.7;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Normalizer normalizer = new Normalizer();
  private final List<Detector> detectors =
      List.of(
          new SecretDetector(),
          new InjectionDetector(),
          dev.parapet.detect.pii.PiiDetector.load(Path.of("rules")));
  static final double PII_THRESHOLD = 0.5;
  static final Set<String> CHECKSUM_TYPES =
      Set.of(
          "CREDIT_CARD",
          "IBAN_CODE",
          "US_SSN",
          "CN_RESIDENT_ID",
          "IN_AADHAAR",
          "UK_NHS",
          "ES_NIF",
          "SG_NRIC_FIN",
          "FI_PERSONAL_IDENTITY_CODE",
          "MEDICAL_LICENSE",
          "CRYPTO");

  /** Case-level counts for one type. */
  static final class Counts {
    int tp;
    int fp;
    int fn;
    int negatives;
    int falseAlarmsOnNegatives;

    double precision() {
      return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
    }

    double falsePositiveRate() {
      return negatives == 0 ? 0 : (double) falseAlarmsOnNegatives / negatives;
    }
  }

  private Map<String, Counts> score(String file, List<String> misses) throws Exception {
    Map<String, Counts> counts = new LinkedHashMap<>();
    for (String line :
        Files.readAllLines(Path.of("src/test/resources/quality", file), StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode c = JSON.readTree(line);
      Map<String, String> context = new LinkedHashMap<>();
      c.path("context")
          .fields()
          .forEachRemaining(e -> context.put(e.getKey(), e.getValue().asText()));
      String text = c.get("text").asText();
      CheckContext ctx =
          new CheckContext(
              Stage.fromWire(c.path("stage").asText("input")),
              "default",
              "",
              context,
              text.codePointCount(0, text.length()));
      DetectorInput input = new DetectorInput(normalizer.normalize(text), ctx);
      Set<String> found = new HashSet<>();
      for (Detector d : detectors) {
        for (Finding f : d.detect(input)) {
          boolean relevant =
              f.type().equals("PROMPT_INJECTION")
                  ? f.score() >= INJECTION_THRESHOLD
                  : !f.detector().equals("pii") || f.score() >= PII_THRESHOLD;
          if (relevant) {
            found.add(f.type());
          }
        }
      }
      Set<String> expected = new HashSet<>();
      c.get("expected").forEach(t -> expected.add(t.asText()));
      Set<String> types = new HashSet<>(expected);
      types.addAll(found);
      String family = file.startsWith("secrets") ? "SECRET" : "PROMPT_INJECTION";
      if (file.startsWith("pii")) {
        types.removeIf(t -> t.equals("SECRET") || t.equals("PROMPT_INJECTION"));
      } else {
        types.removeIf(t -> !t.equals(family));
        types.add(family);
      }
      for (String type : types) {
        Counts n = counts.computeIfAbsent(type, t -> new Counts());
        boolean want = expected.contains(type);
        boolean got = found.contains(type);
        if (want && got) {
          n.tp++;
        } else if (got) {
          n.fp++;
          misses.add("false positive " + type + ": " + text);
        } else if (want) {
          n.fn++;
          misses.add("missed " + type + ": " + text);
        }
        if (expected.isEmpty()) {
          n.negatives++;
          n.falseAlarmsOnNegatives += got ? 1 : 0;
        }
      }
    }
    return counts;
  }

  private static String table(Map<String, Counts> counts) {
    StringBuilder out =
        new StringBuilder("type | tp | fp | fn | precision | recall | FP rate on negatives\n");
    counts.forEach(
        (type, n) ->
            out.append(
                String.format(
                    Locale.ROOT,
                    "%s | %d | %d | %d | %.3f | %.3f | %.3f%n",
                    type,
                    n.tp,
                    n.fp,
                    n.fn,
                    n.precision(),
                    n.recall(),
                    n.falsePositiveRate())));
    return out.toString();
  }

  @Test
  void injectionRecallAtLeast90PercentWithAtMost2PercentFalseAlarms() throws Exception {
    List<String> misses = new java.util.ArrayList<>();
    Counts n = score("injection.jsonl", misses).get("PROMPT_INJECTION");
    String report = table(Map.of("PROMPT_INJECTION", n)) + String.join("\n", misses);
    System.err.println("QUALITY injection\n" + report);
    assertThat(n.tp + n.fn).as("attack cases").isGreaterThanOrEqualTo(100);
    assertThat(n.negatives).as("benign cases").isGreaterThanOrEqualTo(60);
    assertThat(n.recall()).as(report).isGreaterThanOrEqualTo(0.90);
    assertThat(n.falsePositiveRate()).as(report).isLessThanOrEqualTo(0.02);
  }

  @Test
  void checksumValidatedPiiPrecisionAndRecallAtLeast95Percent() throws Exception {
    List<String> misses = new java.util.ArrayList<>();
    Map<String, Counts> counts = score("pii.jsonl", misses);
    String report = table(counts) + String.join("\n", misses);
    System.err.println("QUALITY pii\n" + report);
    assertThat(counts.keySet()).containsAll(CHECKSUM_TYPES);
    for (String type : CHECKSUM_TYPES) {
      Counts n = counts.get(type);
      assertThat(n.precision()).as(type + "\n" + report).isGreaterThanOrEqualTo(0.95);
      assertThat(n.recall()).as(type + "\n" + report).isGreaterThanOrEqualTo(0.95);
    }
  }

  @Test
  void secretsPrecisionAndRecallAtLeast95Percent() throws Exception {
    List<String> misses = new java.util.ArrayList<>();
    Counts n = score("secrets.jsonl", misses).get("SECRET");
    String report = table(Map.of("SECRET", n)) + String.join("\n", misses);
    System.err.println("QUALITY secrets\n" + report);
    assertThat(n.tp + n.fn).isGreaterThanOrEqualTo(30);
    assertThat(n.precision()).as(report).isGreaterThanOrEqualTo(0.95);
    assertThat(n.recall()).as(report).isGreaterThanOrEqualTo(0.95);
  }
}
