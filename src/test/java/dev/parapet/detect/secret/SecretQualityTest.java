package dev.parapet.detect.secret;

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
import org.junit.jupiter.api.Test;

/**
 * Recall and false positives on the labelled set written for the catalogue (generate.py beside it):
 * made-up credentials in pasted syntaxes, and as many hard negatives.
 */
class SecretQualityTest {

  private static final Path SET = Path.of("src/test/resources/secrets/labelled.jsonl");
  private final SecretDetector detector = new SecretDetector();
  private final Normalizer normalizer = new Normalizer();

  private List<Finding> detect(String text) {
    return detector.detect(
        new DetectorInput(
            normalizer.normalize(text),
            new CheckContext(
                Stage.INPUT, "default", "", Map.of(), text.codePointCount(0, text.length()))));
  }

  @Test
  void recallAtLeast90PercentWithAtMost5PercentFalsePositives() throws Exception {
    ObjectMapper json = new ObjectMapper();
    int positives = 0;
    int found = 0;
    int negatives = 0;
    int falseAlarms = 0;
    List<String> misses = new ArrayList<>();
    for (String line : Files.readAllLines(SET, StandardCharsets.UTF_8)) {
      JsonNode c = json.readTree(line);
      String text = c.get("text").asText();
      List<Finding> findings = detect(text);
      if (c.get("expected").asBoolean()) {
        positives++;
        String secret = c.get("secret").asText();
        int start = text.codePointCount(0, text.indexOf(secret));
        int end = start + secret.codePointCount(0, secret.length());
        boolean hit = findings.stream().anyMatch(f -> f.start() < end && start < f.end());
        found += hit ? 1 : 0;
        if (!hit) {
          misses.add("missed " + c.get("kind").asText() + ": " + text);
        }
      } else {
        negatives++;
        if (!findings.isEmpty()) {
          falseAlarms++;
          misses.add("false alarm " + findings.get(0).source() + ": " + text);
        }
      }
    }
    double recall = (double) found / positives;
    double fpRate = (double) falseAlarms / negatives;
    String report =
        String.format(
                Locale.ROOT,
                "recall %.3f (%d/%d), false positives %.3f (%d/%d)%n",
                recall,
                found,
                positives,
                fpRate,
                falseAlarms,
                negatives)
            + String.join("\n", misses);
    System.err.println("QUALITY secrets catalogue\n" + report);
    assertThat(positives).isGreaterThanOrEqualTo(300);
    assertThat(negatives).isGreaterThanOrEqualTo(300);
    assertThat(recall).as(report).isGreaterThanOrEqualTo(0.90);
    assertThat(fpRate).as(report).isLessThanOrEqualTo(0.05);
  }
}
