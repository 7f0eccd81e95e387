package dev.parapet.detect;

/**
 * Converts UTF-16 indices of a text into code point offsets, as findings report them: free for
 * texts without surrogate pairs, one pass otherwise.
 */
public final class CodePointOffsets {

  private static final CodePointOffsets SAME = new CodePointOffsets(null);

  private final int[] codePointAt;

  private CodePointOffsets(int[] codePointAt) {
    this.codePointAt = codePointAt;
  }

  /**
   * The offsets of a detector's original text. The normalized view already counted its code points:
   * as many as chars means no surrogate pair, and nothing to scan.
   */
  public static CodePointOffsets of(DetectorInput input) {
    String original = input.original();
    return input.text().originalLength() == original.length() ? SAME : of(original);
  }

  /** The offsets by a scan of the text, for a text that has no normalized view. */
  static CodePointOffsets of(String text) {
    boolean surrogates = false;
    for (int i = 0; i < text.length() && !surrogates; i++) {
      surrogates = Character.isSurrogate(text.charAt(i));
    }
    if (!surrogates) {
      return SAME;
    }
    int[] map = new int[text.length() + 1];
    int cp = 0;
    for (int i = 0; i < text.length(); i++) {
      boolean pairEnd =
          Character.isLowSurrogate(text.charAt(i))
              && i > 0
              && Character.isHighSurrogate(text.charAt(i - 1));
      if (!pairEnd) {
        map[i] = cp++;
      } else {
        map[i] = cp - 1;
      }
    }
    map[text.length()] = cp;
    return new CodePointOffsets(map);
  }

  /** The code point offset of UTF-16 index {@code index} ({@code 0..length}). */
  public int at(int index) {
    return codePointAt == null ? index : codePointAt[index];
  }
}
