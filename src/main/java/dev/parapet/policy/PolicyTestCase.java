package dev.parapet.policy;

import java.util.List;
import java.util.Map;

/**
 * One case of a {@code *.test.yaml} policy test: a text, how to check it, and what must come out.
 *
 * @param file the test file, relative to the rules directory
 * @param line the line where the case starts
 * @param expectedText the redacted text, or null when not checked
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
    String expectedText) {

  /** What the pipeline answered for a case. */
  public record Outcome(
      String decision, List<String> rules, List<String> types, String redactedText) {}

  /** Runs a case through the check pipeline, which lives above this package. */
  @FunctionalInterface
  public interface Checker {
    Outcome check(PolicyTestCase testCase);
  }
}
