package dev.parapet.text;

/**
 * Joins letters spaced out or split by punctuation ({@code b o m b}, {@code b.o.m.b}) into the word
 * they spell: a run of at least three single letters, each apart from the next by one to three
 * separators, loses its separators. After a leading "a" or "i" a {@link
 * NormalizedText#SOFT_BOUNDARY} stays, since "a b o m b" may mean "a bomb".
 */
final class SpacedLetters {

  static final int MIN_LETTERS = 3;
  static final int MAX_GAP = 3;

  private SpacedLetters() {}

  static boolean isSeparator(char c) {
    return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*' || c == '\u00b7' || c == '\t';
  }

  static void apply(TextBuffer text) {
    char[] chars = text.chars;
    int n = text.length;
    int write = 0;
    int i = 0;
    while (i < n) {
      int runEnd = spacedRunEnd(chars, n, i);
      if (runEnd < 0) {
        copy(text, i, write);
        write++;
        i++;
        continue;
      }
      // "a b o m b" may be "a bomb" or "abomb": a soft boundary lets matchers read it either way
      boolean article = isArticle(chars[i]) && chars[i + 1] == ' ' && runEnd - i >= 7;
      for (int j = i; j < runEnd; j++) {
        if (!isSeparator(chars[j])) {
          copy(text, j, write);
          write++;
        } else if (article && j == i + 1) {
          copy(text, j, write);
          text.chars[write] = NormalizedText.SOFT_BOUNDARY;
          write++;
        }
      }
      i = runEnd;
    }
    text.length = write;
  }

  /**
   * The end of a spaced-letter run starting at {@code i}, or -1 when none starts there. A run keeps
   * one separator throughout ("b o m b", "b.o.m.b"), so "a b-o-m-b" joins only "bomb".
   */
  private static int spacedRunEnd(char[] chars, int n, int i) {
    if (!isSingleLetter(chars, n, i)) {
      return -1;
    }
    int letters = 1;
    int last = i;
    int j = i + 1;
    String gapText = null;
    while (j < n) {
      int gapStart = j;
      while (j < n && isSeparator(chars[j]) && j - gapStart <= MAX_GAP) {
        j++;
      }
      int gap = j - gapStart;
      if (gap == 0 || gap > MAX_GAP || j >= n || !isSingleLetter(chars, n, j)) {
        break;
      }
      String thisGap = new String(chars, gapStart, gap);
      if (gapText != null && !gapText.equals(thisGap)) {
        break;
      }
      gapText = thisGap;
      letters++;
      last = j;
      j++;
    }
    return letters >= MIN_LETTERS ? last + 1 : -1;
  }

  /** English one-letter words that often stand before a spaced-out word. */
  private static boolean isArticle(char c) {
    return c == 'a' || c == 'i';
  }

  /** A letter with no letter or digit on either side. */
  private static boolean isSingleLetter(char[] chars, int n, int i) {
    // most letters have a letter after them: that test first
    if (i + 1 < n && Letters.isLetterOrDigit(chars[i + 1]) || !Letters.isLetter(chars[i])) {
      return false;
    }
    return !(i > 0 && Letters.isLetterOrDigit(chars[i - 1]));
  }

  private static void copy(TextBuffer text, int from, int to) {
    if (from != to) {
      text.chars[to] = text.chars[from];
      text.start[to] = text.start[from];
      text.end[to] = text.end[from];
    }
  }
}
