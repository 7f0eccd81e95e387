package dev.parapet.text;

/** A half-open range {@code [start, end)} of code points in the original text. */
public record Span(int start, int end) {

  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }
}
