package dev.parapet.detect.pii;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.parapet.model.InvalidPolicyException;
import dev.parapet.model.PolicyFiles;
import dev.parapet.model.SourceProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A recognizer an officer wrote in {@code rules/recognizers/*.yaml}, run with RE2/J over the whole
 * text so that no pattern, however written, can take more than linear time.
 */
final class OfficerRecognizer implements Scanner {

  private final Recognizer recognizer;
  private final String source;
  private final Pattern pattern;
  private final Predicate<String> validator;
  private final RequiredLiteral literal;

  OfficerRecognizer(Recognizer recognizer) {
    this.recognizer = recognizer;
    this.source = PiiDetector.NAME + "/" + recognizer.name();
    this.pattern = Pattern.compile(recognizer.pattern());
    this.validator = recognizer.check();
    this.literal = RequiredLiteral.of(recognizer.pattern());
  }

  @Override
  public void scan(Page page, FindingSink sink) {
    String text = page.text();
    if (literal != null && !literal.mayMatch(text, page.lower())) {
      return;
    }
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      if (m.end() == m.start() || sink.overlaps(m.start(), m.end())) {
        continue;
      }
      String value = text.substring(m.start(), m.end());
      if (!validator.test(value) || Context.after(page.lower(), m.start(), recognizer.notAfter())) {
        continue;
      }
      boolean near = Context.near(page.lower(), m.start(), m.end(), recognizer.context());
      if (recognizer.needsContext() && !near) {
        continue;
      }
      sink.add(
          m.start(),
          m.end(),
          recognizer.type(),
          recognizer.severity(),
          Math.min(1.0, recognizer.score() + (near ? Context.BOOST : 0)),
          source);
    }
  }

  static List<OfficerRecognizer> load(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<OfficerRecognizer> all = new ArrayList<>();
    List<SourceProblem> problems = new ArrayList<>();
    try {
      for (Path file : PolicyFiles.in(dir, ".yaml")) {
        if (file.toString().endsWith(".test.yaml")) {
          continue;
        }
        String name = "recognizers/" + file.getFileName();
        try {
          String yaml = Files.readString(file, StandardCharsets.UTF_8);
          RecognizerFile.parse(yaml, name, problems)
              .forEach(r -> all.add(new OfficerRecognizer(r)));
        } catch (IOException e) {
          problems.add(new SourceProblem(name, 0, "cannot read: " + e.getMessage()));
        }
      }
    } catch (UncheckedIOException e) {
      problems.add(new SourceProblem("recognizers", 0, "cannot list: " + e.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new InvalidPolicyException(problems);
    }
    return all;
  }
}
