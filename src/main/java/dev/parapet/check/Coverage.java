package dev.parapet.check;

/**
 * How much of the text was checked: {@code [0, checkedEnd)} of {@code textLength} code points.
 * Short of the whole text only when the time budget ran out, so no caller mistakes an unchecked
 * text for a clean one.
 */
public record Coverage(int checkedEnd, int textLength, boolean budgetExceeded) {

  public boolean complete() {
    return checkedEnd >= textLength;
  }

  public static Coverage whole(int textLength) {
    return new Coverage(textLength, textLength, false);
  }
}
