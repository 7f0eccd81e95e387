package dev.parapet.detect.pii;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.parapet.model.Severity;
import dev.parapet.model.SourceProblem;
import dev.parapet.model.StrictYaml;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a recognizer file, the built-in one and officers' alike: a {@code recognizers} list of
 * {@code name, type, pattern, validator, context, score, severity, needsContext, notAfter}. Every
 * pattern must compile on RE2/J, so none can take more than linear time; unknown keys are errors.
 */
final class RecognizerFile {

  private static final Set<String> KEYS =
      Set.of(
          "name",
          "type",
          "pattern",
          "validator",
          "context",
          "score",
          "severity",
          "needsContext",
          "notAfter");

  private RecognizerFile() {}

  /** The recognizers of {@code yaml}; each problem found is added to {@code problems}. */
  static List<Recognizer> parse(String yaml, String name, List<SourceProblem> problems) {
    List<Recognizer> out = new ArrayList<>();
    StrictYaml doc = StrictYaml.parse(name, yaml, problems);
    if (doc == null) {
      return out;
    }
    JsonNode root = doc.root();
    if (root == null || !root.path("recognizers").isArray()) {
      problems.add(new SourceProblem(name, 1, "needs a 'recognizers' list"));
      return out;
    }
    doc.checkKeys(root, Set.of("recognizers"), "", problems);
    String[] lines = yaml.split("\n", -1);
    for (JsonNode r : root.get("recognizers")) {
      // unknown keys are errors, at their own line and with the nearest known key
      String id = r.path("name").asText("");
      if (!doc.checkKeys(r, KEYS, "recognizer '" + id + "': ", problems)) {
        continue;
      }
      Recognizer read = one(r, name, lines, problems);
      if (read != null) {
        out.add(read);
      }
    }
    return out;
  }

  private static Recognizer one(
      JsonNode r, String file, String[] lines, List<SourceProblem> problems) {
    String id = r.path("name").asText("");
    int line = lineOf(lines, id);
    int before = problems.size();
    for (Iterator<String> keys = r.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!KEYS.contains(key)) {
        problems.add(
            new SourceProblem(
                file, line, "recognizer '" + id + "': unknown key '" + key + "'; known: " + KEYS));
      }
    }
    String type = r.path("type").asText("").toUpperCase(Locale.ROOT);
    String regex = r.path("pattern").asText("");
    if (id.isEmpty() || type.isEmpty() || regex.isEmpty()) {
      problems.add(new SourceProblem(file, line, "each recognizer needs name, type and pattern"));
      return null;
    }
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      problems.add(
          new SourceProblem(
              file, line, "recognizer '" + id + "': bad pattern: " + e.getDescription()));
    }
    String validator = r.path("validator").asText("none");
    if (!Validators.BY_NAME.containsKey(validator)) {
      problems.add(
          new SourceProblem(
              file,
              line,
              "recognizer '"
                  + id
                  + "': unknown validator '"
                  + validator
                  + "'; known: "
                  + new TreeSet<>(Validators.BY_NAME.keySet())));
    }
    Severity severity = Severity.parse(r.path("severity").asText("medium"));
    if (severity == null) {
      problems.add(new SourceProblem(file, line, "recognizer '" + id + "': unknown severity"));
    }
    double score = r.path("score").asDouble(0.6);
    if (score <= 0 || score > 1) {
      problems.add(
          new SourceProblem(file, line, "recognizer '" + id + "': score must be in (0, 1]"));
    }
    if (problems.size() > before) {
      return null;
    }
    return new Recognizer(
        id,
        type,
        severity,
        regex,
        validator,
        score,
        words(r.path("context")),
        r.path("needsContext").asBoolean(false),
        words(r.path("notAfter")));
  }

  /**
   * The words lower case; a word with letters beyond Latin-1 also upper case, as the text is
   * lower-cased only in ASCII (offsets must not move) and "ИНН" or "ΑΜΚΑ" is written in capitals.
   */
  private static List<String> words(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(
        c -> {
          String lower = c.asText().toLowerCase(Locale.ROOT);
          out.add(lower);
          String upper = c.asText().toUpperCase(Locale.ROOT);
          if (!upper.equals(lower) && lower.chars().anyMatch(ch -> ch > 0xFF)) {
            out.add(upper);
          }
        });
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
