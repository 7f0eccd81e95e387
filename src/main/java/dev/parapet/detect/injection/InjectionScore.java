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

  /** A signal's weight as the score counts it. */
  static double weight(Signal s) {
    return s.decoded() == null ? s.weight() : 1.0 - (1.0 - s.weight()) * DECODED_DOUBT;
  }
}
