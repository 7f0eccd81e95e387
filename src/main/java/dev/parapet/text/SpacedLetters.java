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
      // the chars up to the next run move down in one piece: after a text's first run, all the
      // rest of it moves, and char by char that was a quarter of normalizing a dense text
      int plain = i;
      int runEnd = -1;
      while (i < n && (runEnd = spacedRunEnd(chars, n, i)) < 0) {
        i++;
      }
      write = move(text, plain, i, write);
      if (i == n) {
        break;
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
    int firstGap = -1;
    int firstGapLength = 0;
    while (j < n) {
      int gapStart = j;
      while (j < n && isSeparator(chars[j]) && j - gapStart <= MAX_GAP) {
        j++;
      }
      int gap = j - gapStart;
      if (gap == 0 || gap > MAX_GAP || j >= n || !isSingleLetter(chars, n, j)) {
        break;
      }
      if (firstGap < 0) {
        firstGap = gapStart;
        firstGapLength = gap;
      } else if (!sameGap(chars, firstGap, firstGapLength, gapStart, gap)) {
        break;
      }
      letters++;
      last = j;
      j++;
    }
    return letters >= MIN_LETTERS ? last + 1 : -1;
  }

  private static boolean sameGap(char[] chars, int first, int firstLength, int at, int length) {
    if (length != firstLength) {
      return false;
    }
    for (int k = 0; k < length; k++) {
      if (chars[first + k] != chars[at + k]) {
        return false;
      }
    }
    return true;
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

  /** Moves chars {@code [from, end)} to {@code to}; returns where the next char goes. */
  private static int move(TextBuffer text, int from, int end, int to) {
    int length = end - from;
    if (from != to && length > 0) {
      System.arraycopy(text.chars, from, text.chars, to, length);
      System.arraycopy(text.start, from, text.start, to, length);
      System.arraycopy(text.end, from, text.end, to, length);
    }
    return to + length;
  }

  private static void copy(TextBuffer text, int from, int to) {
    if (from != to) {
      text.chars[to] = text.chars[from];
      text.start[to] = text.start[from];
      text.end[to] = text.end[from];
    }
  }
}
