package dev.parapet.detect.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.detect.DetectorInput;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.Stage;
import dev.parapet.text.NormalizedText;
import dev.parapet.text.Normalizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Context words are looked for in a Latin-1 view of the text when they are Latin-1 themselves, and
 * in the text as sent when not: both must still be found in a text that holds wider chars.
 */
class ContextWordsTest {

  private static final PiiDetector PII = PiiDetector.load(Path.of("rules"));

  private static List<Finding> detect(String text) {
    NormalizedText normalized = new Normalizer().normalize(text);
    return PII.detect(
        new DetectorInput(
            normalized,
            new CheckContext(Stage.INPUT, "default", "", Map.of(), normalized.originalLength())));
  }

  private static double phoneScore(String text) {
    return detect(text).stream()
        .filter(f -> f.type().equals("PHONE_NUMBER"))
        .mapToDouble(Finding::score)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aLatin1ContextWordIsFoundInATextThatHoldsWiderChars() {
    assertThat(phoneScore("😀 CALL me on +44 20 7946 0958 密钥")).isEqualTo(1.0);
    assertThat(phoneScore("😀 ring me on +44 20 7946 0958 密钥")).isEqualTo(0.75);
  }

  @Test
  void aContextWordOfWiderCharsIsFoundInTheTextAsSent() {
    assertThat(phoneScore("我的电话是 +44 20 7946 0958")).isEqualTo(1.0);
  }

  @Test
  void aShapeThatNeedsContextIsReportedOnlyWithIt() {
    assertThat(detect("😀 PESEL 44051401359")).extracting(Finding::type).contains("PL_PESEL");
    assertThat(detect("😀 number 44051401359"))
        .extracting(Finding::type)
        .doesNotContain("PL_PESEL");
  }

  @Test
  void aNegativeContextWordLowersTheScoreInATextThatHoldsWiderChars() {
    assertThat(phoneScore("😀 ORDER +44 20 7946 0958")).isEqualTo(0.45);
  }
}
