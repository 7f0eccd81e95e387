package dev.parapet.text;

/**
 * Reads digits and symbols used as letters ({@code h4te}, {@code k1ll}, {@code $hit}, {@code @ss})
 * as the letters they stand for, but only inside a word that has at least one real letter, so
 * numbers such as 2024 or $5 stay numbers.
 */
final class Leetspeak {

  private Leetspeak() {}

  static char letterFor(char c) {
    return switch (c) {
      case '0' -> 'o';
      case '1' -> 'i';
      case '3' -> 'e';
      case '4' -> 'a';
      case '5' -> 's';
      case '7' -> 't';
      case '@' -> 'a';
      case '$' -> 's';
      default -> 0;
    };
  }

  static void apply(TextBuffer text) {
    char[] chars = text.chars;
    int i = 0;
    while (i < text.length) {
      if (!inWord(chars[i])) {
        i++;
        continue;
      }
      int from = i;
      boolean hasLetter = false;
      boolean hasLeet = false;
      while (i < text.length && inWord(chars[i])) {
        char c = chars[i];
        if (Letters.isLetter(c)) {
          hasLetter = true;
        } else if (letterFor(c) != 0) {
          hasLeet = true;
        }
        i++;
      }
      if (hasLetter && hasLeet) {
        for (int j = from; j < i; j++) {
          char letter = letterFor(chars[j]);
          if (letter != 0) {
            chars[j] = letter;
          }
        }
      }
    }
  }

  private static boolean inWord(char c) {
    return Letters.isLetterOrDigit(c) || c == '@' || c == '$';
  }
}
