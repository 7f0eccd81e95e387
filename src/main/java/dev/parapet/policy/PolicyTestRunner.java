package dev.parapet.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.model.PolicyFiles;
import dev.parapet.model.SourceProblem;
import dev.parapet.model.StrictYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Finds every {@code *.test.yaml} under a rules directory, runs its cases, and reports each failure
 * as {@code file:line: case '<name>': …}.
 */
public final class PolicyTestRunner {

  /** The cases run and the failures among them. */
  public record Report(int cases, List<SourceProblem> failures) {
    public boolean passed() {
      return failures.isEmpty();
    }
  }

  /** The keys a test file, a case and a case's {@code expect} may hold. */
  static final List<String> FILE_KEYS = List.of("cases");

  static final List<String> CASE_KEYS =
      List.of(
          "name",
          "text",
          "messages",
          "documents",
          "scope",
          "stage",
          "profile",
          "tenant",
          "context",
          "expect");

  static final List<String> EXPECT_KEYS =
      List.of("decision", "rules", "notRules", "types", "text", "messages");

  private PolicyTestRunner() {}

  public static Report run(Path rulesDir, PolicyTestCase.Checker checker) {
    return run(rulesDir, checker, false);
  }

  /**
   * @param parallel whether the cases may run on the common fork-join pool as well as this thread
   *     (the checker must then be safe to call from several threads); failures are reported in file
   *     order either way
   */
  public static Report run(Path rulesDir, PolicyTestCase.Checker checker, boolean parallel) {
    List<SourceProblem> failures = new ArrayList<>();
    List<PolicyTestCase> cases = new ArrayList<>();
    for (Path file : testFiles(rulesDir)) {
      cases.addAll(parse(rulesDir, file, failures));
    }
    Stream<PolicyTestCase> running = parallel ? cases.parallelStream() : cases.stream();
    running
        .map(testCase -> failure(testCase, checker))
        .filter(Objects::nonNull)
        .forEachOrdered(failures::add);
    return new Report(cases.size(), failures);
  }

  private static SourceProblem failure(PolicyTestCase testCase, PolicyTestCase.Checker checker) {
    String failure;
    try {
      failure = compare(testCase, checker.check(testCase));
    } catch (RuntimeException e) {
      failure = "could not be checked: " + e.getMessage();
    }
    return failure == null
        ? null
        : new SourceProblem(
            testCase.file(), testCase.line(), "case '" + testCase.name() + "': " + failure);
  }

  static String compare(PolicyTestCase c, PolicyTestCase.Outcome got) {
    if (c.expectedDecision() != null && !c.expectedDecision().equals(got.decision())) {
      return "expected decision "
          + c.expectedDecision()
          + ", got "
          + got.decision()
          + " (rules fired: "
          + got.rules()
          + ", types found: "
          + got.types()
          + ")";
    }
    for (String rule : c.expectedRules()) {
      if (!got.rules().contains(rule)) {
        return "expected rule " + rule + " to fire, fired: " + got.rules();
      }
    }
    for (String rule : c.forbiddenRules()) {
      if (got.rules().contains(rule)) {
        return "expected rule " + rule + " not to fire, but it did";
      }
    }
    for (String type : c.expectedTypes()) {
      if (!got.types().contains(type)) {
        return "expected a " + type + " finding, found: " + got.types();
      }
    }
    if (c.expectedText() != null && !c.expectedText().equals(got.redactedText())) {
      return "expected text \"" + c.expectedText() + "\", got \"" + got.redactedText() + "\"";
    }
    if (c.expectedMessages() != null && !c.expectedMessages().equals(got.redactedMessages())) {
      return "expected messages " + c.expectedMessages() + ", got " + got.redactedMessages();
    }
    return null;
  }

  private static List<Path> testFiles(Path rulesDir) {
    return PolicyFiles.under(rulesDir, ".test.yaml");
  }

  static List<PolicyTestCase> parse(Path rulesDir, Path file, List<SourceProblem> problems) {
    String relative = rulesDir.relativize(file).toString().replace('\\', '/');
    List<PolicyTestCase> cases = new ArrayList<>();
    StrictYaml doc;
    try {
      doc = StrictYaml.parse(relative, Files.readString(file, StandardCharsets.UTF_8), problems);
    } catch (IOException e) {
      problems.add(new SourceProblem(relative, 0, "cannot read the test file: " + e.getMessage()));
      return cases;
    }
    if (doc == null) {
      return cases;
    }
    JsonNode root = doc.root();
    if (root == null || !root.path("cases").isArray()) {
      problems.add(new SourceProblem(relative, 1, "a policy test file needs a 'cases' list"));
      return cases;
    }
    doc.checkKeys(root, FILE_KEYS, "", problems);
    int index = 0;
    for (JsonNode node : root.get("cases")) {
      index++;
      PolicyTestCase testCase = testCase(doc, node, index, problems);
      if (testCase != null) {
        cases.add(testCase);
      }
    }
    return cases;
  }

  /**
   * One case, or null with its problems added: unknown keys, and an expect that asserts nothing.
   */
  private static PolicyTestCase testCase(
      StrictYaml doc, JsonNode node, int index, List<SourceProblem> problems) {
    int line = doc.line(node);
    if (!node.isObject()) {
      problems.add(new SourceProblem(doc.file(), line, "case " + index + " must be a map"));
      return null;
    }
    String name = node.path("name").asText("case " + index);
    String where = "case '" + name + "': ";
    boolean known = doc.checkKeys(node, CASE_KEYS, where, problems);
    JsonNode expect = node.path("expect");
    known &= doc.checkKeys(expect, EXPECT_KEYS, where + "expect: ", problems);
    boolean conversation = node.has("messages");
    if (conversation == node.path("text").isTextual() || !expect.isObject()) {
      problems.add(
          new SourceProblem(
              doc.file(),
              line,
              "case '" + name + "' needs 'expect' and one of 'text' and 'messages'"));
      return null;
    }
    if (EXPECT_KEYS.stream().noneMatch(expect::has)) {
      problems.add(
          new SourceProblem(
              doc.file(),
              doc.line(node, "expect"),
              where + "'expect' asserts nothing: give one of " + String.join(", ", EXPECT_KEYS)));
      return null;
    }
    if (!known) {
      return null;
    }
    return new PolicyTestCase(
        doc.file(),
        line,
        name,
        conversation ? "" : node.get("text").asText(),
        node.path("stage").asText("input"),
        node.path("profile").asText("default"),
        node.path("tenant").asText(""),
        strings(node.path("context")),
        expect.has("decision") ? expect.get("decision").asText() : null,
        list(expect.path("rules")),
        list(expect.path("notRules")),
        list(expect.path("types")),
        expect.has("text") ? expect.get("text").asText() : null,
        conversation ? conversationOf(node) : null,
        expect.has("messages") ? expect.get("messages") : null);
  }

  /** A conversation case's {@code messages}, {@code documents} and {@code scope}. */
  private static JsonNode conversationOf(JsonNode node) {
    com.fasterxml.jackson.databind.node.ObjectNode out =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    for (String key : List.of("messages", "documents", "scope")) {
      if (node.has(key)) {
        out.set(key, node.get(key));
      }
    }
    return out;
  }

  private static List<String> list(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }
}
