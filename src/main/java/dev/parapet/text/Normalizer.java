package dev.parapet.text;

/**
 * Builds the normalized view of a text that detectors match against, seeing through invisible
 * characters, compatibility forms, diacritics, case, leetspeak and spaced-out letters. Every char
 * of the result maps back to the original code points it came from. Stateless and thread-safe.
 */
public final class Normalizer {

  public NormalizedText normalize(String original) {
    TextBuffer text = new TextBuffer(original.length());
    int codePoints = foldCodePoints(original, text);
    Leetspeak.apply(text);
    SpacedLetters.apply(text);
    return text.toNormalized(original, codePoints);
  }

  /** Composes a kept mark (such as a half-width kana voicing mark) with the char before it. */
  private static boolean composeWithLast(TextBuffer text, char mark, int to) {
    if (text.length == 0) {
      return false;
    }
    String pair = new String(new char[] {text.chars[text.length - 1], mark});
    String composed = java.text.Normalizer.normalize(pair, java.text.Normalizer.Form.NFC);
    if (composed.length() != 1) {
      return false;
    }
    text.chars[text.length - 1] = composed.charAt(0);
    text.extendLast(to);
    return true;
  }

  /**
   * One pass over the code points: drop the invisible, fold the rest; ASCII takes a fast path.
   *
   * @return how many code points the original has
   */
  static int foldCodePoints(String original, TextBuffer text) {
    int cpIndex = 0;
    int i = 0;
    int n = original.length();
    while (i < n) {
      char c = original.charAt(i);
      if (c < 0x80) {
        text.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c, cpIndex, cpIndex + 1);
        i++;
        cpIndex++;
        continue;
      }
      int cp = original.codePointAt(i);
      i += Character.charCount(cp);
      int from = cpIndex++;
      if (InvisibleCharacters.isInvisible(cp)) {
        continue;
      }
      String folded = CompatibilityFolding.fold(cp);
      if (folded.isEmpty()) {
        text.extendLast(from + 1); // a combining mark belongs to the letter before it
        continue;
      }
      if (folded.length() == 1 && CompatibilityFolding.isMark(folded.charAt(0))) {
        if (composeWithLast(text, folded.charAt(0), from + 1)) {
          continue;
        }
      }
      for (int k = 0; k < folded.length(); k++) {
        text.append(folded.charAt(k), from, from + 1);
      }
    }
    return cpIndex;
  }
}
