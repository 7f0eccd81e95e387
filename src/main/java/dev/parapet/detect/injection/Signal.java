package dev.parapet.detect.injection;

/**
 * One piece of evidence of an injection attempt: what kind, how strong, and where (UTF-16 range of
 * the text it was found in).
 *
 * @param decoded how the text it was found in had been hidden, or null where it was in plain sight
 */
record Signal(SignalKind kind, Decoding decoded, double weight, int start, int end) {

  Signal(SignalKind kind, double weight, int start, int end) {
    this(kind, null, weight, start, end);
  }

  /** The name it has in a finding's evidence: {@code override}, {@code base64-override}. */
  String wireName() {
    return decoded == null ? kind.wireName() : decoded.wireName() + "-" + kind.wireName();
  }

  Signal at(int newStart, int newEnd) {
    return new Signal(kind, decoded, weight, newStart, newEnd);
  }
}
