package dev.parapet.model;

import java.util.List;
import java.util.Objects;

/**
 * Something a detector found in the text: what it is and where, as Unicode code point offsets into
 * the original text ({@code end} exclusive). Never carries the matched text itself.
 *
 * @param detector the detector family: {@code lexicon}, {@code pii}, {@code secret}, {@code
 *     injection}
 * @param type the finding type in UPPER_SNAKE_CASE, such as {@code EMAIL_ADDRESS} or {@code
 *     PROFANITY}
 * @param source which recognizer or lexicon produced it, such as {@code pii/email}
 * @param via when what was found is not in the text as sent but only in a normalized reading of it,
 *     which normalizations it took ({@code confusable}, {@code separators}, {@code leet}, ...);
 *     empty otherwise. Rules may treat a disguised finding more harshly.
 */
public record Finding(
    String detector,
    String type,
    int start,
    int end,
    Severity severity,
    double score,
    String source,
    List<String> via) {

  public Finding {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(source, "source");
    via = List.copyOf(via);
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }

  /** A finding found in the text as sent. */
  public Finding(
      String detector,
      String type,
      int start,
      int end,
      Severity severity,
      double score,
      String source) {
    this(detector, type, start, end, severity, score, source, List.of());
  }

  /** Whether it was found only through a normalization of the text: a disguised term. */
  public boolean obfuscated() {
    return !via.isEmpty();
  }

  /** The same finding with another {@code via}. */
  public Finding withVia(List<String> newVia) {
    return new Finding(detector, type, start, end, severity, score, source, newVia);
  }

  /** The same finding at other offsets. */
  public Finding at(int newStart, int newEnd) {
    return new Finding(detector, type, newStart, newEnd, severity, score, source, via);
  }

  public int length() {
    return end - start;
  }

  public boolean overlaps(Finding other) {
    return start < other.end && other.start < end;
  }

  public boolean within(int from, int to) {
    return start >= from && end <= to;
  }
}
