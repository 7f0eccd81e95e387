package dev.parapet.text;

/**
 * Reads digits and symbols used as letters ({@code h4te}, {@code k1ll}, {@code $hit}, {@code @ss},
 * {@code sh!t}) as the letters they stand for, but only inside a word that has at least one real
 * letter, so numbers such as 2024 or $5 stay numbers. {@code !}, {@code +} and {@code |} count only
 * between two word chars, since after a word they are punctuation ("stop!") or a name ("c++").
 */
final class Leetspeak {

  private Leetspeak() {}

  static char letterFor(char c) {
    return switch (c) {
      case '0' -> 'o';
      case '1', '!', '|' -> 'i';
      case '3' -> 'e';
      case '4' -> 'a';
      case '5' -> 's';
      case '7', '+' -> 't';
      case '@' -> 'a';
      case '$' -> 's';
      default -> 0;
    };
  }

  static void apply(TextBuffer text) {
    char[] chars = text.chars;
    int n = text.length;
    int i = 0;
    while (i < n) {
      if (!inWord(chars, n, i)) {
        i++;
        continue;
      }
      int from = i;
      boolean hasLetter = false;
      boolean hasLeet = false;
      while (i < n && inWord(chars, n, i)) {
        char c = chars[i];
        if (Letters.isLetter(c)) {
          hasLetter |= c < 0x2E80; // "2024年" is a date: CJK is not written in leet
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
            text.via[j] |= Via.LEET;
          }
        }
      }
    }
  }

  private static boolean inWord(char[] chars, int n, int i) {
    char c = chars[i];
    if (Letters.isLetterOrDigit(c) || c == '@' || c == '$') {
      return true;
    }
    return (c == '!' || c == '+' || c == '|')
        && i > 0
        && i + 1 < n
        && isWordChar(chars[i - 1])
        && isWordChar(chars[i + 1]);
  }

  private static boolean isWordChar(char c) {
    return Letters.isLetterOrDigit(c) || c == '@' || c == '$';
  }
}
