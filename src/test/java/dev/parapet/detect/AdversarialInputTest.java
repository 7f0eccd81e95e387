package dev.parapet.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.detect.injection.InjectionDetector;
import dev.parapet.detect.secret.SecretDetector;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Stage;
import dev.parapet.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Input built to trip the patterns (prefixes without bodies, long base64-like runs, markdown
 * brackets): ten times the text must cost about ten times the time, not a hundred. A timing bound,
 * so tagged to run apart from the behaviour tests, once per build, with room for a noisy machine:
 * the bound of 50 sits halfway between linear (10) and quadratic (100) growth.
 */
@Tag("timing")
class AdversarialInputTest {

  /** Halfway between linear and quadratic growth over a tenfold length. */
  private static final double BOUND = 50.0;

  private static final List<String> UNITS =
      List.of(
          "eyJ",
          "sk-",
          "AKIA",
          "password=",
          "ghp_",
          "-----BEGIN ",
          "](http://x/?",
          "AAAA",
          "ignore ");

  private static long nanosFor(Detector detector, String text) {
    DetectorInput input =
        new DetectorInput(
            new Normalizer().normalize(text),
            new CheckContext(
                Stage.OUTPUT, "default", "", Map.of("canary", "CANARY-123456"), text.length()));
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      long t0 = System.nanoTime();
      detector.detect(input);
      best = Math.min(best, System.nanoTime() - t0);
    }
    return best;
  }

  private static String adversarial(int size) {
    StringBuilder out = new StringBuilder(size);
    int i = 0;
    while (out.length() < size) {
      out.append(UNITS.get(i++ % UNITS.size()));
    }
    return out.substring(0, size);
  }

  @Test
  void costStaysLinearUpToAMegabyte() {
    List<Detector> detectors =
        List.of(
            new SecretDetector(),
            new InjectionDetector(),
            dev.parapet.detect.pii.PiiDetector.load(java.nio.file.Path.of("rules")));
    for (Detector detector : detectors) {
      nanosFor(detector, adversarial(100_000)); // warm-up
      long small = nanosFor(detector, adversarial(100_000));
      long large = nanosFor(detector, adversarial(1_000_000));
      assertThat((double) large / small)
          .as(
              "%s: 1 MB took %d ms, 100 KB %d ms",
              detector.name(), large / 1_000_000, small / 1_000_000)
          .isLessThan(BOUND);
    }
  }
}
