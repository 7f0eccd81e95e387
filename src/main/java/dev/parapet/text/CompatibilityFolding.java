package dev.parapet.text;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Folds one non-ASCII code point to what it looks like: compatibility forms (full width, ligatures,
 * styled mathematical letters) to plain ones, diacritics removed, lower case, traditional Chinese
 * characters to simplified (ICU's {@code Traditional-Simplified}). Kana and Hangul keep their
 * composed forms, whose marks carry meaning. Results are cached per code point.
 */
final class CompatibilityFolding {

  /**
   * A code point's folded form, possibly empty (for a lone combining mark) or several chars long,
   * and the {@link Via} bits of what folding it did.
   */
  record Folded(String text, int via) {}

  private static final Folded[] BMP = new Folded[0x10000];
  private static final ConcurrentHashMap<Integer, Folded> SUPPLEMENTARY = new ConcurrentHashMap<>();

  /** Built on first use of a Han char; ICU transliterators are not documented as thread-safe. */
  private static Transliterator toSimplified;

  private CompatibilityFolding() {}

  static Folded fold(int cp) {
    if (cp < 0x10000) {
      Folded cached = BMP[cp];
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

  private static Folded compute(int cp) {
    if (Character.isSurrogate((char) cp) && cp < 0x10000) {
      return new Folded(String.valueOf((char) cp), 0); // a lone surrogate stays as it is
    }
    String one = new String(Character.toChars(cp));
    if (keepsComposed(cp)) {
      String composed = Normalizer.normalize(one, Normalizer.Form.NFKC);
      return new Folded(lower(composed), composed.equals(one) ? 0 : Via.WIDTH);
    }
    if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
      String simplified = simplified(one);
      if (!simplified.equals(one)) {
        return new Folded(simplified, Via.TRADITIONAL);
      }
    }
    String decomposed = Normalizer.normalize(one, Normalizer.Form.NFKD);
    int via = decomposed.equals(Normalizer.normalize(one, Normalizer.Form.NFD)) ? 0 : Via.WIDTH;
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); ) {
      int c = decomposed.codePointAt(i);
      if (!isMark(c)) {
        out.appendCodePoint(c);
      } else {
        via |= Via.ACCENTS;
      }
      i += Character.charCount(c);
    }
    return new Folded(lower(Normalizer.normalize(out, Normalizer.Form.NFC)), via);
  }

  private static synchronized String simplified(String han) {
    if (toSimplified == null) {
      toSimplified = Transliterator.getInstance("Traditional-Simplified");
    }
    return toSimplified.transliterate(han);
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
