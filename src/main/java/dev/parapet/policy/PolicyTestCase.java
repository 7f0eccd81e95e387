package dev.parapet.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One case of a {@code *.test.yaml} policy test: a text, how to check it, and what must come out.
 *
 * @param file the test file, relative to the rules directory
 * @param line the line where the case starts
 * @param expectedText the redacted text, or null when not checked
 * @param conversation for a conversation case, an object with {@code messages} and optionally
 *     {@code documents} and {@code scope} (then {@code text} is empty), else null
 * @param expectedMessages the redacted {@code messages}, or null when not checked
 */
public record PolicyTestCase(
    String file,
    int line,
    String name,
    String text,
    String stage,
    String profile,
    String tenant,
    Map<String, String> context,
    String expectedDecision,
    List<String> expectedRules,
    List<String> forbiddenRules,
    List<String> expectedTypes,
    String expectedText,
    JsonNode conversation,
    JsonNode expectedMessages) {

  /** A case that checks a text. */
  public PolicyTestCase(
      String file,
      int line,
      String name,
      String text,
      String stage,
      String profile,
      String tenant,
      Map<String, String> context,
      String expectedDecision,
      List<String> expectedRules,
      List<String> forbiddenRules,
      List<String> expectedTypes,
      String expectedText) {
    this(
        file,
        line,
        name,
        text,
        stage,
        profile,
        tenant,
        context,
        expectedDecision,
        expectedRules,
        forbiddenRules,
        expectedTypes,
        expectedText,
        null,
        null);
  }

  /** What the pipeline answered for a case. */
  public record Outcome(
      String decision,
      List<String> rules,
      List<String> types,
      String redactedText,
      JsonNode redactedMessages) {

    public Outcome(String decision, List<String> rules, List<String> types, String redactedText) {
      this(decision, rules, types, redactedText, null);
    }
  }

  /** Runs a case through the check pipeline, which lives above this package. */
  @FunctionalInterface
  public interface Checker {
    Outcome check(PolicyTestCase testCase);
  }
}
