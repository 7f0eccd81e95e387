package dev.parapet.detect.pii;

import dev.parapet.model.Severity;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One kind of personal identifier, as the built-in file and officers' files both write it: its
 * pattern, an optional check-digit validator (by name, see {@link Validators}), and the context
 * words that make it likelier. Weak shapes ({@code needsContext}) are reported only with a context
 * word nearby; a value right after one of the {@code notAfter} words ("version 1.2.3.4") is not
 * reported at all.
 */
record Recognizer(
    String name,
    String type,
    Severity severity,
    String pattern,
    String validator,
    double score,
    List<String> context,
    boolean needsContext,
    List<String> notAfter) {

  Recognizer {
    context = List.copyOf(context);
    notAfter = List.copyOf(notAfter);
  }

  /** The pattern for java.util.regex, which runs the built-in shapes on bounded candidates. */
  Pattern shape() {
    return Pattern.compile(pattern);
  }

  Predicate<String> check() {
    return Validators.BY_NAME.get(validator);
  }
}
