package dev.parapet.detect.pii;

import dev.parapet.model.Severity;
import java.util.List;
import java.util.function.Predicate;

/**
 * One kind of personal identifier: the shape of a candidate (matched against the whole candidate),
 * an optional check-digit validator, and the context words that make it likelier. Weak shapes
 * ({@code needsContext}) are reported only with a context word nearby.
 */
record Recognizer(
    String name,
    String type,
    Severity severity,
    java.util.regex.Pattern shape,
    Predicate<String> validator,
    double score,
    List<String> context,
    boolean needsContext) {}
