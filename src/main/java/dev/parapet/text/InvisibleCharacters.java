package dev.parapet.text;

/**
 * Characters that render as nothing, or as a box that hides nothing, and so can hide a word from a
 * naive matcher: zero-width spaces and joiners, bidi controls, Unicode tag characters, variation
 * selectors, soft hyphens; NUL and the other C0 and C1 controls that are not line or word breaks;
 * the replacement character U+FFFD, unpaired surrogates and private-use characters, which a sender
 * can put inside a word as easily and which no real word contains.
 */
final class InvisibleCharacters {

  private InvisibleCharacters() {}

  /**
   * For a char below U+0080: a control other than a tab, line feed, vertical tab, form feed, CR.
   */
  static boolean isInvisibleAscii(char c) {
    return c < 0x20 && (c < 0x09 || c > 0x0D) || c == 0x7F;
  }

  static boolean isInvisible(int cp) {
    if (cp < 0x80) {
      return isInvisibleAscii((char) cp);
    }
    if (cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF) {
      return true; // variation selectors
    }
    if (cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0) {
      return true; // combining grapheme joiner and Hangul fillers render blank
    }
    if (cp == 0xFFFD) {
      return true; // the replacement character: what a decoder left of a broken byte
    }
    int type = Character.getType(cp);
    // Cf covers zero-width chars, bidi controls, tags (U+E0000..E007F), soft hyphen, BOM
    return type == Character.FORMAT
        || type == Character.PRIVATE_USE
        || type == Character.SURROGATE // only an unpaired one reaches here as a code point
        || type == Character.CONTROL && cp != 0x85; // C1 controls; NEL breaks a line
  }
}
