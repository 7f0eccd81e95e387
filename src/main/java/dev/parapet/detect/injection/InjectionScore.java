package dev.parapet.detect.injection;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where evidence becomes a score in 0..1: each kind of signal is an independent
 * witness whose strength is its strongest signal (a second signal of the same kind adds half its
 * weight to what is left), and the witnesses combine as a noisy-OR, {@code 1 - Π(1 - w)}. So one
 * strong signal ("ignore all previous instructions", 0.8) decides alone, while weak ones ("you are
 * now", "no restrictions", "stay in character") decide only together. A signal found in decoded
 * text weighs more, since hiding it is evidence too. A classifier joins as one more witness.
 */
final class InjectionScore {

  /** What is left of a weight's complement when the signal was found only after decoding. */
  private static final double DECODED_DOUBT = 0.4;

  private InjectionScore() {}

  static double of(List<Signal> signals) {
    Map<SignalKind, double[]> strongest = new EnumMap<>(SignalKind.class);
    for (Signal s : signals) {
      double w = weight(s);
      double[] top = strongest.computeIfAbsent(s.kind(), k -> new double[2]);
      if (w > top[0]) {
        top[1] = top[0];
        top[0] = w;
      } else if (w > top[1]) {
        top[1] = w;
      }
    }
    double miss = 1.0;
    for (double[] top : strongest.values()) {
      double kind = top[0] + (1.0 - top[0]) * 0.5 * top[1];
      miss *= 1.0 - kind;
    }
    return Math.round((1.0 - miss) * 1000) / 1000.0;
  }

  /**
   * Below this calibrated probability the classifier is no witness at all: a coin toss's worth of
   * confidence says nothing, and the phrase signals know short texts better.
   */
  static final double CLASSIFIER_FLOOR = 0.5;

  /** The most the classifier alone can weigh: alone it decides only when it is quite sure. */
  static final double CLASSIFIER_CAP = 0.9;

  /**
   * The classifier's probability as a witness's weight: 0 up to {@link #CLASSIFIER_FLOOR}, then
   * rising linearly to {@link #CLASSIFIER_CAP} at certainty, so that with the default threshold of
   * 0.7 it decides alone from a probability of about 0.89 and, with a phrase signal of 0.5, from
   * about 0.72 (the calibration in docs/injection-classifier.md).
   */
  static double classifierWeight(double probability) {
    if (!(probability > CLASSIFIER_FLOOR)) {
      return 0;
    }
    return CLASSIFIER_CAP * (probability - CLASSIFIER_FLOOR) / (1 - CLASSIFIER_FLOOR);
  }

  /**
   * The probability a classifier witness of {@code weight} stands for: the inverse of the above.
   */
  static double classifierProbability(double weight) {
    return CLASSIFIER_FLOOR + weight / CLASSIFIER_CAP * (1 - CLASSIFIER_FLOOR);
  }

  /** A signal's weight as the score counts it. */
  static double weight(Signal s) {
    return s.decoded() == null ? s.weight() : 1.0 - (1.0 - s.weight()) * DECODED_DOUBT;
  }
}
