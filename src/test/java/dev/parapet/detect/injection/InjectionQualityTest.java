package dev.parapet.detect.injection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.detect.DetectorInput;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.Stage;
import dev.parapet.text.Normalizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recall and false positives of the rule signals on the project's own labelled cases
 * (src/test/resources/injection/labelled.jsonl: attacks of every family in several languages, and
 * hard negatives that must stay allowed), at the default profile's threshold. The floors sit a
 * little under what is measured (recall 0.815, false positives 0.000), so a regression fails.
 */
class InjectionQualityTest {

  private static final double THRESHOLD = 0.7;
  private static final List<String> missed = new ArrayList<>();
  private static final List<String> flagged = new ArrayList<>();
  private static int attacks;
  private static int benign;

  @BeforeAll
  static void score() throws IOException {
    InjectionDetector detector = new InjectionDetector();
    Normalizer normalizer = new Normalizer();
    ObjectMapper json = new ObjectMapper();
    try (InputStream in =
        InjectionQualityTest.class.getResourceAsStream("/injection/labelled.jsonl")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode row = json.readTree(line);
        String text = row.get("text").asText();
        boolean attack = row.get("label").asText().equals("injection");
        double score = 0;
        for (Finding f :
            detector.detect(
                new DetectorInput(
                    normalizer.normalize(text),
                    new CheckContext(
                        Stage.INPUT,
                        "default",
                        "",
                        Map.of(),
                        text.codePointCount(0, text.length()))))) {
          score = Math.max(score, f.score());
        }
        if (attack) {
          attacks++;
          if (score < THRESHOLD) {
            missed.add(text);
          }
        } else {
          benign++;
          if (score >= THRESHOLD) {
            flagged.add(text);
          }
        }
      }
    }
  }

  @Test
  void findsMostAttacksOfEveryFamily() {
    double recall = 1.0 - (double) missed.size() / attacks;
    assertThat(recall).as("recall; missed: %s", missed).isGreaterThanOrEqualTo(0.78);
  }

  @Test
  void leavesHardNegativesAllowed() {
    double rate = (double) flagged.size() / benign;
    assertThat(rate).as("false positives: %s", flagged).isLessThanOrEqualTo(0.02);
  }
}
