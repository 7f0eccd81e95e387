package dev.parapet.detect;

/**
 * Converts UTF-16 indices of a text into code point offsets, as findings report them: free for
 * texts without surrogate pairs, one pass otherwise.
 */
public final class CodePointOffsets {

  private final int[] codePointAt;

  private CodePointOffsets(int[] codePointAt) {
    this.codePointAt = codePointAt;
  }

  public static CodePointOffsets of(String text) {
    boolean surrogates = false;
    for (int i = 0; i < text.length() && !surrogates; i++) {
      surrogates = Character.isSurrogate(text.charAt(i));
    }
    if (!surrogates) {
      return new CodePointOffsets(null);
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
