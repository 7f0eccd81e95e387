package dev.parapet.detect.injection.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The classifier, trained without each source in turn, on the source it never saw: recall at the
 * threshold that keeps false positives over all held-out benign texts at 2 %. The floor is what was
 * measured (docs/injection-classifier.md), well below issue 23's goal of 0.85: a linear model over
 * n-grams learns much of each collection's style, and that is what this test keeps honest.
 */
class LeaveOneSourceOutQualityTest {

  /** Measured 0.251 (2026-12-08); the floor leaves room for the solver, not for a regression. */
  private static final double RECALL_FLOOR = 0.23;

  @Test
  void recallOnUnseenSourcesAtTwoPercentFalsePositivesHoldsItsFloor() {
    List<ClassifierTraining.Example> corpus = ClassifierTraining.corpus(ClassifierTraining.CORPUS);

    List<LeaveOneSourceOut.Scored> scored = LeaveOneSourceOut.run(corpus, unit -> true, true);

    double threshold = LeaveOneSourceOut.thresholdFor(scored, 0.02);
    LeaveOneSourceOut.Rates rates = LeaveOneSourceOut.rates(scored, threshold);
    System.out.printf(
        java.util.Locale.ROOT,
        "leave-one-source-out: recall %.3f at false positives %.3f (threshold %.3f)%n",
        rates.recall(),
        rates.falsePositives(),
        threshold);
    assertThat(rates.falsePositives()).isLessThanOrEqualTo(0.02);
    assertThat(rates.recall()).isGreaterThanOrEqualTo(RECALL_FLOOR);
  }
}
