package dev.parapet.detect.pii;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.parapet.detect.CodePointOffsets;
import dev.parapet.model.InvalidPolicyException;
import dev.parapet.model.PolicyFiles;
import dev.parapet.model.Severity;
import dev.parapet.model.SourceProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A recognizer an officer wrote in {@code rules/recognizers/*.yaml}, compiled with RE2/J so that no
 * pattern, however written, can take more than linear time.
 */
final class OfficerRecognizer {

  private final String name;
  private final String source;
  private final String type;
  private final Severity severity;
  private final Pattern pattern;
  private final Predicate<String> validator;
  private final double score;
  private final List<String> context;
  private final boolean needsContext;
  private final RequiredLiteral literal;

  private OfficerRecognizer(
      String name,
      String type,
      Severity severity,
      Pattern pattern,
      Predicate<String> validator,
      double score,
      List<String> context,
      boolean needsContext) {
    this.name = name;
    this.source = PiiDetector.NAME + "/" + name;
    this.type = type;
    this.severity = severity;
    this.pattern = pattern;
    this.validator = validator;
    this.score = score;
    this.context = context;
    this.needsContext = needsContext;
    this.literal = RequiredLiteral.of(pattern.pattern());
  }

  void find(
      String text,
      String lower,
      CodePointOffsets offsets,
      List<dev.parapet.model.Finding> out,
      dev.parapet.detect.SpanSet taken) {
    if (literal != null && !literal.mayMatch(text, lower)) {
      return;
    }
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      if (m.end() == m.start() || PiiDetector.overlaps(taken, m.start(), m.end())) {
        continue;
      }
      String value = text.substring(m.start(), m.end());
      if (!validator.test(value)) {
        continue;
      }
      boolean near = PiiDetector.hasContext(lower, m.start(), m.end(), context);
      if (needsContext && !near) {
        continue;
      }
      PiiDetector.add(
          out,
          taken,
          offsets,
          m.start(),
          m.end(),
          type,
          severity,
          Math.min(1.0, score + (near ? PiiDetector.CONTEXT_BOOST : 0)),
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
        if (!file.toString().endsWith(".test.yaml")) {
          all.addAll(parse(file, "recognizers/" + file.getFileName(), problems));
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

  private static List<OfficerRecognizer> parse(
      Path file, String name, List<SourceProblem> problems) {
    List<OfficerRecognizer> out = new ArrayList<>();
    String yaml;
    JsonNode root;
    try {
      yaml = Files.readString(file, StandardCharsets.UTF_8);
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (JsonProcessingException e) {
      problems.add(
          new SourceProblem(
              name,
              e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
              "not valid YAML: " + e.getOriginalMessage()));
      return out;
    } catch (IOException e) {
      problems.add(new SourceProblem(name, 0, "cannot read: " + e.getMessage()));
      return out;
    }
    if (root == null || !root.path("recognizers").isArray()) {
      problems.add(new SourceProblem(name, 1, "needs a 'recognizers' list"));
      return out;
    }
    String[] lines = yaml.split("\n", -1);
    for (JsonNode r : root.get("recognizers")) {
      String id = r.path("name").asText("");
      int line = lineOf(lines, id);
      String type = r.path("type").asText("").toUpperCase(Locale.ROOT);
      String regex = r.path("pattern").asText("");
      if (id.isEmpty() || type.isEmpty() || regex.isEmpty()) {
        problems.add(new SourceProblem(name, line, "each recognizer needs name, type and pattern"));
        continue;
      }
      Pattern pattern;
      try {
        pattern = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        problems.add(
            new SourceProblem(
                name, line, "recognizer '" + id + "': bad pattern: " + e.getDescription()));
        continue;
      }
      String validatorName = r.path("validator").asText("none");
      Predicate<String> validator = Validators.BY_NAME.get(validatorName);
      if (validator == null) {
        problems.add(
            new SourceProblem(
                name,
                line,
                "recognizer '"
                    + id
                    + "': unknown validator '"
                    + validatorName
                    + "'; known: "
                    + new java.util.TreeSet<>(Validators.BY_NAME.keySet())));
        continue;
      }
      Severity severity = Severity.parse(r.path("severity").asText("medium"));
      if (severity == null) {
        problems.add(new SourceProblem(name, line, "recognizer '" + id + "': unknown severity"));
        continue;
      }
      List<String> context = new ArrayList<>();
      r.path("context").forEach(c -> context.add(c.asText().toLowerCase(Locale.ROOT)));
      out.add(
          new OfficerRecognizer(
              id,
              type,
              severity,
              pattern,
              validator,
              r.path("score").asDouble(0.6),
              context,
              r.path("needsContext").asBoolean(false)));
    }
    return out;
  }

  private static int lineOf(String[] lines, String id) {
    for (int i = 0; i < lines.length; i++) {
      if (!id.isEmpty() && lines[i].contains("name:") && lines[i].contains(id)) {
        return i + 1;
      }
    }
    return 0;
  }
}
