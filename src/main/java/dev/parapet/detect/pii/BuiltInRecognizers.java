package dev.parapet.detect.pii;

import dev.parapet.model.SourceProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The identifiers Parapet knows without configuration, read from {@code recognizers.yaml} beside
 * this class, in the same form as officers' recognizer files. Shapes are matched only against
 * candidate runs of at most 64 characters, so java.util.regex runs on a bounded window.
 */
final class BuiltInRecognizers {

  static final String RESOURCE = "recognizers.yaml";

  static final List<Recognizer> ALL = load();

  private BuiltInRecognizers() {}

  private static List<Recognizer> load() {
    String yaml;
    try (InputStream in = BuiltInRecognizers.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<SourceProblem> problems = new ArrayList<>();
    List<Recognizer> all = RecognizerFile.parse(yaml, RESOURCE, problems);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("built-in recognizers: " + problems);
    }
    return List.copyOf(all);
  }
}
