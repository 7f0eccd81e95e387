package dev.parapet.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parapet.model.PolicyFiles;
import dev.parapet.model.SourceProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  private PolicyTestRunner() {}

  public static Report run(Path rulesDir, PolicyTestCase.Checker checker) {
    List<SourceProblem> failures = new ArrayList<>();
    List<PolicyTestCase> cases = new ArrayList<>();
    for (Path file : testFiles(rulesDir)) {
      cases.addAll(parse(rulesDir, file, failures));
    }
    for (PolicyTestCase testCase : cases) {
      String failure;
      try {
        failure = compare(testCase, checker.check(testCase));
      } catch (RuntimeException e) {
        failure = "could not be checked: " + e.getMessage();
      }
      if (failure != null) {
        failures.add(
            new SourceProblem(
                testCase.file(), testCase.line(), "case '" + testCase.name() + "': " + failure));
      }
    }
    return new Report(cases.size(), failures);
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
    String yaml;
    JsonNode root;
    try {
      yaml = Files.readString(file, StandardCharsets.UTF_8);
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (IOException e) {
      problems.add(new SourceProblem(relative, 0, "cannot read the test file: " + e.getMessage()));
      return cases;
    }
    if (root == null || !root.path("cases").isArray()) {
      problems.add(new SourceProblem(relative, 1, "a policy test file needs a 'cases' list"));
      return cases;
    }
    List<Integer> caseLines = caseLines(yaml);
    int index = 0;
    for (JsonNode node : root.get("cases")) {
      int line = index < caseLines.size() ? caseLines.get(index) : 0;
      index++;
      JsonNode expect = node.path("expect");
      String name = node.path("name").asText("case " + index);
      boolean conversation = node.has("messages");
      if (conversation == node.path("text").isTextual() || !expect.isObject()) {
        problems.add(
            new SourceProblem(
                relative,
                line,
                "case '" + name + "' needs 'expect' and one of 'text' and 'messages'"));
        continue;
      }
      cases.add(
          new PolicyTestCase(
              relative,
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
              expect.has("messages") ? expect.get("messages") : null));
    }
    return cases;
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

  /** The line of each top-level case, for {@code file:line} reports. */
  private static List<Integer> caseLines(String yaml) {
    List<Integer> lines = new ArrayList<>();
    String[] all = yaml.split("\n", -1);
    int indent = -1;
    for (int i = 0; i < all.length; i++) {
      String line = all[i];
      String trimmed = line.stripLeading();
      if (!trimmed.startsWith("- ")) {
        continue;
      }
      int at = line.length() - trimmed.length();
      if (indent < 0) {
        indent = at;
      }
      if (at == indent) {
        lines.add(i + 1);
      }
    }
    return lines;
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
