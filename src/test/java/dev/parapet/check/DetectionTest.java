package dev.parapet.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.detect.Detector;
import dev.parapet.detect.DetectorInput;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.model.Stage;
import dev.parapet.text.NormalizedText;
import dev.parapet.text.Normalizer;
import dev.parapet.text.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DetectionTest {

  /** A detector named {@code name} that finds what {@code detect} returns. */
  private static Detector detector(String name, Function<DetectorInput, List<Finding>> detect) {
    return new Detector() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<Finding> detect(DetectorInput input) {
        return detect.apply(input);
      }
    };
  }

  /** Finds every "bomb" in the normalized text. */
  private static final Detector WORD =
      detector(
          "word",
          input -> {
            NormalizedText text = input.text();
            List<Finding> found = new ArrayList<>();
            for (int i = text.text().indexOf("bomb");
                i >= 0;
                i = text.text().indexOf("bomb", i + 1)) {
              Span span = text.toOriginal(i, i + 4);
              found.add(
                  new Finding(
                      "lexicon", "WEAPONS", span.start(), span.end(), Severity.HIGH, 1, "x"));
            }
            return found;
          });

  /** Finds every ASCII "bomb" in the original text, as PII and secret detection read it. */
  private static final Detector ORIGINAL_WORD =
      detector(
          "original-word",
          input -> {
            String original = input.text().original();
            List<Finding> found = new ArrayList<>();
            for (int i = original.indexOf("bomb"); i >= 0; i = original.indexOf("bomb", i + 1)) {
              int start = original.codePointCount(0, i);
              found.add(new Finding("pii", "WORD", start, start + 4, Severity.HIGH, 1, "original"));
            }
            return found;
          });

  private static final Detector BROKEN =
      detector(
          "broken",
          input -> {
            throw new IllegalStateException("secret text inside the message");
          });

  private static CheckContext context(String text) {
    return new CheckContext(
        Stage.INPUT, "default", "", Map.of(), text.codePointCount(0, text.length()));
  }

  private static long farFuture() {
    return System.nanoTime() + 60_000_000_000L;
  }

  @Test
  void longTextFindsMatchesAcrossChunkBoundariesOnceEach() {
    Detection detection = new Detection(new Normalizer(), 10, 4);
    String text = "😀😀xxxxxbombyyyyyyybomb";
    Detection.Result result = detection.run(List.of(WORD), text, context(text), farFuture());
    assertThat(result.findings())
        .extracting(Finding::start, Finding::end)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(7, 11),
            org.assertj.core.groups.Tuple.tuple(18, 22));
    assertThat(result.coverage().complete()).isTrue();
  }

  @Test
  void longTextWithoutSurrogatesMapsEveryChunkBackToTheOriginal() {
    Detection detection = new Detection(new Normalizer(), 10, 4);
    // wide letters and an invisible char change the normalized length, not the char count
    String text = "\uff41\uff41\u200bxxxxbombyyyyyyy\uff42\uff4f\uff4d\uff42zzbomb";
    Detection.Result result =
        detection.run(List.of(WORD, ORIGINAL_WORD), text, context(text), farFuture());
    assertThat(result.findings())
        .extracting(Finding::detector, Finding::start, Finding::end)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("lexicon", 7, 11),
            org.assertj.core.groups.Tuple.tuple("lexicon", 18, 22),
            org.assertj.core.groups.Tuple.tuple("lexicon", 24, 28),
            org.assertj.core.groups.Tuple.tuple("pii", 7, 11),
            org.assertj.core.groups.Tuple.tuple("pii", 24, 28));
    assertThat(result.coverage().complete()).isTrue();
  }

  @Test
  void spentBudgetStopsBetweenChunksAndSaysHowFarItGot() {
    Detection detection = new Detection(new Normalizer(), 10, 4);
    String text = "a".repeat(100);
    Detection.Result result =
        detection.run(List.of(WORD), text, context(text), System.nanoTime() - 1);
    assertThat(result.coverage().budgetExceeded()).isTrue();
    assertThat(result.coverage().checkedEnd()).isLessThan(100);
    assertThat(result.coverage().complete()).isFalse();
  }

  @Test
  void shortTextIsCheckedWhole() {
    Detection detection = new Detection(new Normalizer(), 1000, 10);
    String text = "a bomb";
    Detection.Result result =
        detection.run(List.of(WORD), text, context(text), System.nanoTime() - 1);
    assertThat(result.coverage().complete()).isTrue();
    assertThat(result.findings()).hasSize(1);
  }

  @Test
  void aFailingDetectorBecomesAnErrorWithoutItsMessage() {
    Detection detection = new Detection(new Normalizer(), 1000, 10);
    String text = "a bomb";
    Detection.Result result =
        detection.run(List.of(BROKEN, WORD), text, context(text), farFuture());
    assertThat(result.findings()).hasSize(1);
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.ruleId()).isEqualTo("detect/broken");
              assertThat(e.message()).doesNotContain("secret");
            });
  }
}
