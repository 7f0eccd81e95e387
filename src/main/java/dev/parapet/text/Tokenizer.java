package dev.parapet.text;

/**
 * Splits a normalized text into words (runs of letters, digits and marks) and single CJK, kana or
 * Hangul characters, which are matched as sequences since such text is written without spaces.
 */
public final class Tokenizer {

  private Tokenizer() {}

  public static TokenList tokenize(CharSequence text) {
    // prose averages a word per six chars: sized so that most texts never grow the arrays
    TokenList tokens = new TokenList(text.length() / 5 + 16);
    int n = text.length();
    int i = 0;
    boolean soft = false;
    while (i < n) {
      int cp = Character.codePointAt(text, i);
      int width = Character.charCount(cp);
      if (isCjk(cp)) {
        tokens.add(i, i + width, TokenList.CJK | (soft ? TokenList.SOFT_JOINED : 0));
        soft = false;
        i += width;
      } else if (isWordChar(cp)) {
        int from = i;
        i += width;
        while (i < n) {
          int next = Character.codePointAt(text, i);
          if (!isWordChar(next) || isCjk(next)) {
            break;
          }
          i += Character.charCount(next);
        }
        tokens.add(from, i, soft ? TokenList.SOFT_JOINED : 0);
        soft = false;
      } else {
        soft = cp == NormalizedText.SOFT_BOUNDARY && tokens.size() > 0;
        i += width;
      }
    }
    return tokens;
  }

  public static boolean isWordChar(int cp) {
    if (cp < 0x80) {
      return cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9' || cp >= 'A' && cp <= 'Z';
    }
    int type = Character.getType(cp);
    return Character.isLetterOrDigit(cp)
        || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  public static boolean isCjk(int cp) {
    if (cp < 0x2E80) {
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL;
  }
}
