package dev.parapet.check;

import java.util.List;
import java.util.Map;

/**
 * One line of an evaluation set: a text, how to check it, and the decision (and optionally the
 * finding types) a person expects.
 *
 * @param line the line of the JSONL file it came from
 * @param tenant the tenant the text is checked for, empty for none
 * @param expectedTypes null when the line does not say
 */
public record LabelledCase(
    int line,
    String text,
    String stage,
    String profile,
    String tenant,
    Map<String, String> context,
    String expected,
    List<String> expectedTypes) {}
