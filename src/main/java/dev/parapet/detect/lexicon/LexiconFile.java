package dev.parapet.detect.lexicon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.model.Severity;
import dev.parapet.model.SourceProblem;
import dev.parapet.model.StrictYaml;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One lexicon as its officer wrote it: {@code <name>.yaml} (category, severity, allowlist, …) and
 * {@code <name>.txt}, one term a line with optional {@code | key=value} overrides.
 */
final class LexiconFile {

  private static final Set<String> YAML_KEYS =
      Set.of("category", "severity", "language", "allowlist", "appliesTo", "description", "scope");
  private static final Set<String> TERM_KEYS =
      Set.of("category", "severity", "approvedBy", "reason", "expires");

  /** The lexicon's own settings. */
  record Header(
      String name,
      String category,
      Severity severity,
      String language,
      boolean allowlist,
      Set<String> appliesTo,
      String scope) {}

  /** One term line, overrides applied. */
  record Term(
      String text,
      int line,
      String category,
      Severity severity,
      String approvedBy,
      String reason,
      String expires) {}

  /** A scope as written in metadata: a family and one id. */
  static final java.util.regex.Pattern SCOPE =
      java.util.regex.Pattern.compile("(tenant|app)/[^/\\s]+");

  private LexiconFile() {}

  static String typeOf(String category) {
    return category.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
  }

  /** The header of an unscoped lexicon. */
  static Header header(Path yaml, String name, List<SourceProblem> problems) {
    return header(yaml, name, "", problems);
  }

  /**
   * @param name the lexicon's path below the lexicons directory, without {@code .txt}
   * @param pathScope the scope its directory gives it ({@code tenant/<id>}, {@code app/<id>}), or
   *     empty
   */
  static Header header(Path yaml, String name, String pathScope, List<SourceProblem> problems) {
    String file = name + ".yaml";
    if (!Files.isRegularFile(yaml)) {
      problems.add(
          new SourceProblem(
              name + ".txt", 0, "needs " + file + " (category and severity) beside it"));
      return null;
    }
    StrictYaml doc;
    try {
      doc = StrictYaml.parse(file, Files.readString(yaml, StandardCharsets.UTF_8), problems);
    } catch (IOException e) {
      problems.add(new SourceProblem(file, 0, "cannot read: " + e.getMessage()));
      return null;
    }
    if (doc == null) {
      return null;
    }
    JsonNode root = doc.root();
    if (root == null || !root.isObject()) {
      problems.add(new SourceProblem(file, 1, "must be a map with at least 'category'"));
      return null;
    }
    int before = problems.size();
    doc.checkKeys(root, YAML_KEYS, "", problems);
    boolean allowlist = root.path("allowlist").asBoolean(false);
    String category = root.path("category").asText("");
    if (category.isBlank() && !allowlist) {
      problems.add(new SourceProblem(file, 1, "needs a 'category', such as profanity"));
    }
    Severity severity = Severity.parse(root.path("severity").asText("medium"));
    if (severity == null) {
      problems.add(
          new SourceProblem(
              file,
              0,
              "severity '"
                  + root.path("severity").asText()
                  + "' is not low, medium, high or critical"));
    }
    Set<String> appliesTo = new LinkedHashSet<>();
    root.path("appliesTo").forEach(c -> appliesTo.add(typeOf(c.asText())));
    String scope = scope(doc, root, pathScope, problems);
    if (problems.size() > before) {
      return null;
    }
    return new Header(
        name,
        category.isBlank() ? "ALLOWLIST" : typeOf(category),
        severity,
        root.path("language").asText(""),
        allowlist,
        appliesTo,
        scope);
  }

  /**
   * The lexicon's scope: its directory's, or the {@code scope:} of its metadata ({@code
   * tenant/<id>} or {@code app/<id>}); the two must agree where both are given.
   */
  private static String scope(
      StrictYaml doc, JsonNode root, String pathScope, List<SourceProblem> problems) {
    if (!root.has("scope")) {
      return pathScope;
    }
    String declared = root.get("scope").asText("").strip();
    int line = doc.line(root, "scope");
    if (!SCOPE.matcher(declared).matches()) {
      problems.add(
          new SourceProblem(
              doc.file(),
              line,
              "scope '" + declared + "' must be tenant/<id> or app/<id>, such as tenant/acme"));
      return pathScope;
    }
    if (!pathScope.isEmpty() && !pathScope.equals(declared)) {
      problems.add(
          new SourceProblem(
              doc.file(),
              line,
              "scope '" + declared + "' contradicts the directory, which gives " + pathScope));
    }
    return declared;
  }

  static List<Term> terms(Path txt, Header header, List<SourceProblem> problems)
      throws IOException {
    String file = header.name() + ".txt";
    List<Term> terms = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(txt, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        Term term = term(trimmed, number, file, header, problems);
        if (term != null) {
          terms.add(term);
        }
      }
    }
    return terms;
  }

  private static Term term(
      String line, int number, String file, Header header, List<SourceProblem> problems) {
    String[] parts = line.split("\\|");
    String text = parts[0].strip();
    if (text.isEmpty()) {
      problems.add(new SourceProblem(file, number, "empty term before '|'"));
      return null;
    }
    String category = header.category();
    Severity severity = header.severity();
    String approvedBy = "";
    String reason = "";
    String expires = "";
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].strip();
      int eq = part.indexOf('=');
      String key = eq < 0 ? part : part.substring(0, eq).strip();
      String value = eq < 0 ? "" : part.substring(eq + 1).strip();
      if (!TERM_KEYS.contains(key) || value.isEmpty()) {
        problems.add(
            new SourceProblem(
                file, number, "'" + part + "' is not one of " + TERM_KEYS + " written key=value"));
        return null;
      }
      switch (key) {
        case "category" -> category = typeOf(value);
        case "severity" -> {
          severity = Severity.parse(value);
          if (severity == null) {
            problems.add(new SourceProblem(file, number, "unknown severity '" + value + "'"));
            return null;
          }
        }
        case "approvedBy" -> approvedBy = value;
        case "reason" -> reason = value;
        default -> {
          try {
            LocalDate.parse(value);
          } catch (DateTimeParseException e) {
            problems.add(new SourceProblem(file, number, "expires must be a date like 2027-03-31"));
            return null;
          }
          expires = value;
        }
      }
    }
    return new Term(text, number, category, severity, approvedBy, reason, expires);
  }
}
