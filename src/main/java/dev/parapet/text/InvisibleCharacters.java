package dev.parapet.text;

/**
 * Characters that render as nothing and so can hide a word from a naive matcher: zero-width spaces
 * and joiners, bidi controls, Unicode tag characters, variation selectors, soft hyphens.
 */
final class InvisibleCharacters {

  private InvisibleCharacters() {}

  static boolean isInvisible(int cp) {
    if (cp < 0x80) {
      return false;
    }
    if (cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF) {
      return true; // variation selectors
    }
    if (cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0) {
      return true; // combining grapheme joiner and Hangul fillers render blank
    }
    // Cf covers zero-width chars, bidi controls, tags (U+E0000..E007F), soft hyphen, BOM
    return Character.getType(cp) == Character.FORMAT;
  }
}
