package dev.parapet.text;

/**
 * {@link Character#isLetter} and {@link Character#isLetterOrDigit} with ASCII answered first: the
 * normalization passes ask once or twice per char, and the general lookups cost a third of them.
 */
final class Letters {

  private Letters() {}

  static boolean isLetter(char c) {
    return c < 0x80 ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' : Character.isLetter(c);
  }

  static boolean isLetterOrDigit(char c) {
    return c < 0x80
        ? c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z'
        : Character.isLetterOrDigit(c);
  }
}
