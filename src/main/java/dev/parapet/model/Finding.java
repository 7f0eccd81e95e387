package dev.parapet.model;

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
 */
public record Finding(
    String detector,
    String type,
    int start,
    int end,
    Severity severity,
    double score,
    String source) {

  public Finding {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(source, "source");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
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
