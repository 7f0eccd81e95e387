package dev.parapet.text;

import java.text.Normalizer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Folds one non-ASCII code point to what it looks like: compatibility forms (full width, ligatures,
 * styled mathematical letters) to plain ones, diacritics removed, lower case. Kana and Hangul keep
 * their composed forms, whose marks carry meaning. Results are cached per code point.
 */
final class CompatibilityFolding {

  private static final String[] BMP = new String[0x10000];
  private static final ConcurrentHashMap<Integer, String> SUPPLEMENTARY = new ConcurrentHashMap<>();

  private CompatibilityFolding() {}

  /** The folded form, possibly empty (for a lone combining mark) or several chars long. */
  static String fold(int cp) {
    if (cp < 0x10000) {
      String cached = BMP[cp];
      if (cached == null) {
        cached = compute(cp);
        BMP[cp] = cached; // a benign race: every thread computes the same value
      }
      return cached;
    }
    return SUPPLEMENTARY.computeIfAbsent(cp, CompatibilityFolding::compute);
  }

  static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
  }

  private static String compute(int cp) {
    if (Character.isSurrogate((char) cp) && cp < 0x10000) {
      return String.valueOf((char) cp); // a lone surrogate stays as it is
    }
    String one = new String(Character.toChars(cp));
    if (keepsComposed(cp)) {
      return lower(Normalizer.normalize(one, Normalizer.Form.NFKC));
    }
    String decomposed = Normalizer.normalize(one, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); ) {
      int c = decomposed.codePointAt(i);
      if (!isMark(c)) {
        out.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    return lower(Normalizer.normalize(out, Normalizer.Form.NFC));
  }

  /** Hangul syllables, kana and their half-width forms, whose decomposition changes the word. */
  private static boolean keepsComposed(int cp) {
    Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
    return block == Character.UnicodeBlock.HANGUL_SYLLABLES
        || block == Character.UnicodeBlock.HIRAGANA
        || block == Character.UnicodeBlock.KATAKANA
        || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS && cp >= 0xFF61;
  }

  private static String lower(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      out.appendCodePoint(Character.toLowerCase(c));
      i += Character.charCount(c);
    }
    return out.toString();
  }
}
