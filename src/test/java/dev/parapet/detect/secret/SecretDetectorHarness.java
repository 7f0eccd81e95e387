package dev.parapet.detect.secret;

import dev.parapet.detect.DetectorInput;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.Stage;
import dev.parapet.text.Normalizer;
import java.util.List;
import java.util.Map;

/** Runs the built-in secret detector on one text. */
final class SecretDetectorHarness {

  private static final SecretDetector DETECTOR = new SecretDetector();
  private final Normalizer normalizer = new Normalizer();

  List<Finding> detect(String text) {
    return DETECTOR.detect(
        new DetectorInput(
            normalizer.normalize(text),
            new CheckContext(
                Stage.INPUT, "default", "", Map.of(), text.codePointCount(0, text.length()))));
  }
}
