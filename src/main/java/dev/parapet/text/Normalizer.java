package dev.parapet.text;

/**
 * Builds the normalized view of a text that detectors match against, seeing through invisible
 * characters, compatibility forms, diacritics, case, traditional Chinese characters, markup inside
 * words, look-alike letters of other scripts, leetspeak and letters spaced out by any separators.
 * Each step rewrites the one view in place, keeping for every char the original code points it came
 * from and the {@link Via} bits of what was done to it, so the steps compose and any match maps
 * back to the text as sent. Stateless and thread-safe.
 */
public final class Normalizer {

  public NormalizedText normalize(String original) {
    TextBuffer text = new TextBuffer(original.length());
    int codePoints = foldCodePoints(original, text);
    if (text.mayHaveMarkup) {
      MarkupMarks.apply(text);
    }
    if (text.mayHaveConfusables) {
      ConfusableLetters.apply(text);
    }
    Leetspeak.apply(text);
    SpacedLetters.apply(text);
    return text.toNormalized(original, codePoints);
  }

  /** Composes a kept mark (such as a half-width kana voicing mark) with the char before it. */
  private static boolean composeWithLast(TextBuffer text, char mark, int to, int how) {
    if (text.length == 0) {
      return false;
    }
    String pair = new String(new char[] {text.chars[text.length - 1], mark});
    String composed = java.text.Normalizer.normalize(pair, java.text.Normalizer.Form.NFC);
    if (composed.length() != 1) {
      return false;
    }
    text.chars[text.length - 1] = composed.charAt(0);
    text.extendLast(to, how);
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
    int pending = 0; // Via.INVISIBLE when an invisible char was dropped just before
    while (i < n) {
      char c = original.charAt(i);
      if (c < 0x80) {
        if (c >= 'A' && c <= 'Z') {
          c = (char) (c + 32);
        } else if ((c < 0x20 || c == 0x7F) && InvisibleCharacters.isInvisibleAscii(c)) {
          i++;
          cpIndex++;
          pending = Via.INVISIBLE;
          continue;
        } else if (c == '<' || c == '*' || c == '_' || c == '`' || c == '~') {
          text.mayHaveMarkup = true;
        }
        text.append(c, cpIndex, cpIndex + 1, pending);
        pending = 0;
        i++;
        cpIndex++;
        continue;
      }
      int cp = original.codePointAt(i);
      i += Character.charCount(cp);
      int from = cpIndex++;
      if (InvisibleCharacters.isInvisible(cp)) {
        pending = Via.INVISIBLE;
        continue;
      }
      CompatibilityFolding.Folded folded = CompatibilityFolding.fold(cp);
      String chars = folded.text();
      if (chars.isEmpty()) {
        // a combining mark belongs to the letter before it
        text.extendLast(from + 1, Via.ACCENTS | pending);
        pending = 0;
        continue;
      }
      if (chars.length() == 1 && CompatibilityFolding.isMark(chars.charAt(0))) {
        if (composeWithLast(text, chars.charAt(0), from + 1, folded.via() | pending)) {
          pending = 0;
          continue;
        }
      }
      if (cp >= 0x370 && cp < 0x2E80) {
        text.mayHaveConfusables = true; // Greek, Cyrillic, Armenian, Cherokee and others
      }
      for (int k = 0; k < chars.length(); k++) {
        text.append(chars.charAt(k), from, from + 1, folded.via() | pending);
      }
      pending = 0;
    }
    return cpIndex;
  }
}
