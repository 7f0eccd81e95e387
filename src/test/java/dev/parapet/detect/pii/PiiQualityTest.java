package dev.parapet.detect.pii;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.detect.DetectorInput;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.Stage;
import dev.parapet.text.Normalizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recall and false positives per type on the generated labelled set ({@link PiiCases}): a positive
 * is found when a finding of its type covers its value; a hard negative is a false positive when
 * any PII finding overlaps its value.
 */
class PiiQualityTest {

  /** The types whose values carry a check digit or checksum, held to the promised floors. */
  static final Set<String> CHECKED =
      Set.of(
          "CREDIT_CARD",
          "IBAN_CODE",
          "US_ITIN",
          "AU_ABN",
          "AU_ACN",
          "AU_TFN",
          "AU_MEDICARE",
          "UK_NHS",
          "IT_VAT_CODE",
          "IT_FISCAL_CODE",
          "ES_NIF",
          "ES_NIE",
          "SG_NRIC_FIN",
          "SG_UEN",
          "PL_PESEL",
          "KR_RRN",
          "IN_AADHAAR",
          "CN_RESIDENT_ID",
          "FI_PERSONAL_IDENTITY_CODE",
          "CRYPTO");

  static final class Row {
    int positives;
    int found;
    int negatives;
    int falsePositives;
    final List<String> misses = new ArrayList<>();

    double recall() {
      return positives == 0 ? 1 : (double) found / positives;
    }

    double falsePositiveRate() {
      return negatives == 0 ? 0 : (double) falsePositives / negatives;
    }
  }

  private static final Map<String, Row> ROWS = new TreeMap<>();
  private static int total;

  @BeforeAll
  static void score() throws Exception {
    PiiDetector detector = PiiDetector.load(Path.of("rules"));
    Normalizer normalizer = new Normalizer();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(PiiCases.FILE, StandardCharsets.UTF_8)) {
      JsonNode c = json.readTree(line);
      String text = c.get("text").asText();
      String type = c.get("entity_type").asText();
      String value = c.get("value").asText();
      int at = text.indexOf(value);
      int start = text.codePointCount(0, at);
      int end = start + value.codePointCount(0, value.length());
      CheckContext ctx =
          new CheckContext(
              Stage.INPUT, "default", "", Map.of(), text.codePointCount(0, text.length()));
      List<Finding> findings = detector.detect(new DetectorInput(normalizer.normalize(text), ctx));
      Row row = ROWS.computeIfAbsent(type, t -> new Row());
      total++;
      if (c.get("expected").asBoolean()) {
        row.positives++;
        boolean found =
            findings.stream()
                .anyMatch(f -> f.type().equals(type) && f.start() <= start && f.end() >= end);
        row.found += found ? 1 : 0;
        if (!found) {
          row.misses.add("missed: " + text + " " + findings);
        }
      } else {
        row.negatives++;
        boolean hit = findings.stream().anyMatch(f -> f.start() < end && f.end() > start);
        row.falsePositives += hit ? 1 : 0;
        if (hit) {
          row.misses.add("false positive: " + text + " " + findings);
        }
      }
    }
    System.err.println("QUALITY pii-generated\n" + table());
  }

  static String table() {
    StringBuilder out = new StringBuilder("| type | positives | recall | negatives | FP rate |\n");
    out.append("| --- | ---: | ---: | ---: | ---: |\n");
    ROWS.forEach(
        (type, r) ->
            out.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %d | %.3f | %d | %.3f |%n",
                    type,
                    r.positives,
                    r.recall(),
                    r.negatives,
                    r.falsePositiveRate())));
    ROWS.values().forEach(r -> r.misses.forEach(m -> out.append(m).append('\n')));
    return out.toString();
  }

  @Test
  void theSetHasAtLeast1500CasesHalfOfThemHardNegatives() {
    int negatives = ROWS.values().stream().mapToInt(r -> r.negatives).sum();

    assertThat(total).isGreaterThanOrEqualTo(1500);
    assertThat(negatives).isGreaterThanOrEqualTo(total / 2);
  }

  @Test
  void everyCheckedTypeIsFoundAtLeast95PercentWithAtMost3PercentFalsePositives() {
    assertThat(ROWS.keySet()).containsAll(CHECKED);
    for (String type : CHECKED) {
      Row r = ROWS.get(type);
      assertThat(r.recall()).as(type + "\n" + table()).isGreaterThanOrEqualTo(0.95);
      assertThat(r.falsePositiveRate()).as(type + "\n" + table()).isLessThanOrEqualTo(0.03);
    }
  }

  @Test
  void networkEmailUrlAndPhoneAreFoundWithFewFalsePositives() {
    for (String type :
        List.of("IP_ADDRESS", "MAC_ADDRESS", "EMAIL_ADDRESS", "URL", "PHONE_NUMBER")) {
      Row r = ROWS.get(type);
      assertThat(r.recall()).as(type + "\n" + table()).isGreaterThanOrEqualTo(0.9);
      assertThat(r.falsePositiveRate()).as(type + "\n" + table()).isLessThanOrEqualTo(0.05);
    }
    assertThat(ROWS.get("NONE").falsePositives).as(table()).isZero();
  }
}
