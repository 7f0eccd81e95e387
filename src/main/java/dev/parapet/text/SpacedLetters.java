package dev.parapet.text;

/**
 * Joins letters spaced out or split by punctuation, symbols or emoji ({@code b o m b}, {@code
 * b.o.m.b}, {@code i*d.i_o-t}, {@code i🔥d🔥i🔥o🔥t}) into the word they spell: a run of at least
 * three single letters, each apart from the next by one to {@link #MAX_GAP} chars that are neither
 * letters, digits, apostrophes nor line breaks, loses its separators. A lone leet char in such a
 * run stands for its letter ({@code ! d ! 0 +}), though a run needs one real letter. After a
 * leading "a" or "i" a {@link NormalizedText#SOFT_BOUNDARY} stays, since "a b o m b" may mean "a
 * bomb". CJK is left alone: the matcher reads CJK characters in sequence across any separator
 * already.
 */
final class SpacedLetters {

  static final int MIN_LETTERS = 3;

  /**
   * Chars between two letters: room for a space, an emoji (two chars) and a space, and one more.
   */
  static final int MAX_GAP = 5;

  private SpacedLetters() {}

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
      write = text.move(plain, i, write);
      if (i == n) {
        break;
      }
      // "a b o m b" may be "a bomb" or "abomb": a soft boundary lets matchers read it either way;
      // so may "в з*а.к_л-а~д/к,у" (a first gap unlike the next)
      int second = gapEnd(chars, n, i + 1, runEnd) + 1;
      boolean article =
          chars[i + 1] == ' '
              && (isArticle(chars[i]) && runEnd - i >= 7
                  || second == i + 3 && second < runEnd && chars[second] != ' ');
      // "b-u-i-l-d a bomb", "c o n s u l t a doctor": the last letter may be a word of its own;
      // decided before the run's chars move, as moving them overwrites its gaps
      int gap = lastGap(chars, n, i, runEnd);
      boolean softBeforeLast =
          hasSpace(chars, gap, runEnd - 1)
              && (isArticle(chars[runEnd - 1])
                  || !sameGap(chars, lastGap(chars, n, i, gap), gap, runEnd - 1));
      boolean letter = true; // chars alternate: a single letter, then a gap
      for (int j = i; j < runEnd; ) {
        if (letter) {
          char c = chars[j];
          if (j == runEnd - 1 && softBeforeLast) {
            text.copy(gap, write);
            text.chars[write] = NormalizedText.SOFT_BOUNDARY;
            write++;
          }
          text.copy(j, write);
          text.via[write] |= Via.SEPARATORS;
          if (!Letters.isLetter(c)) {
            text.chars[write] = Leetspeak.letterFor(c);
            text.via[write] |= Via.LEET;
          }
          write++;
          j++;
          if (article && j == i + 1) {
            text.copy(j, write);
            text.chars[write] = NormalizedText.SOFT_BOUNDARY;
            write++;
          }
          letter = false;
        } else {
          int gapStart = j;
          while (j < runEnd && !isSingle(chars, n, j)) {
            j++;
          }
          // "n a i l  b o m b": a wider blank between letters is where a word ends; a soft
          // boundary lets matchers read "nail bomb" as well as "nailbomb"
          boolean marked = (article && gapStart == i + 1) || (softBeforeLast && gapStart == gap);
          if (!marked && doubleBlank(chars, gapStart, j)) {
            text.copy(gapStart, write);
            text.chars[write] = NormalizedText.SOFT_BOUNDARY;
            write++;
          }
          letter = true;
        }
      }
      i = runEnd;
    }
    text.length = write;
  }

  /** The end of a spaced-letter run starting at {@code i}, or -1 when none starts there. */
  private static int spacedRunEnd(char[] chars, int n, int i) {
    if (!isSingle(chars, n, i)) {
      return -1;
    }
    int letters = 1;
    boolean real = Letters.isLetter(chars[i]);
    int last = i;
    int j = i + 1;
    while (j < n) {
      int gapStart = j;
      while (j < n && j - gapStart < MAX_GAP && isGap(chars[j]) && !isSingle(chars, n, j)) {
        j++;
      }
      if (j == gapStart || j >= n || !isSingle(chars, n, j)) {
        break;
      }
      real |= Letters.isLetter(chars[j]);
      letters++;
      last = j;
      j++;
    }
    return letters >= MIN_LETTERS && real ? last + 1 : -1;
  }

  /** Where the gap before the run's letter at {@code end - 1} starts; -1 for its first letter. */
  private static int lastGap(char[] chars, int n, int start, int end) {
    int gap = -1;
    int j = start + 1;
    while (j < end) {
      gap = j;
      j = gapEnd(chars, n, j, end) + 1;
    }
    return gap;
  }

  /** Where the gap starting at {@code from} ends: at the next single letter. */
  private static int gapEnd(char[] chars, int n, int from, int limit) {
    int j = from;
    while (j < limit && !isSingle(chars, n, j)) {
      j++;
    }
    return j;
  }

  /** Whether the gap before the letter at {@code gap - 1} is the same as the one at {@code gap}. */
  private static boolean sameGap(char[] chars, int previousGap, int gap, int gapEnd) {
    if (previousGap < 0 || gap < 0) {
      return true;
    }
    int length = gapEnd - gap;
    if (gap - 1 - previousGap != length) {
      return false;
    }
    for (int k = 0; k < length; k++) {
      if (chars[previousGap + k] != chars[gap + k]) {
        return false;
      }
    }
    return true;
  }

  private static boolean doubleBlank(char[] chars, int from, int to) {
    for (int k = from + 1; k < to; k++) {
      if (Character.isWhitespace(chars[k]) && Character.isWhitespace(chars[k - 1])) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasSpace(char[] chars, int from, int to) {
    if (from < 0) {
      return false;
    }
    for (int k = from; k < to; k++) {
      if (chars[k] == ' ') {
        return true;
      }
    }
    return false;
  }

  private static boolean isGap(char c) {
    return !Letters.isLetterOrDigit(c) && c != '\'' && c != '\u2019' && c != '\n' && c != '\r';
  }

  /** English one-letter words that often stand before a spaced-out word. */
  private static boolean isArticle(char c) {
    return c == 'a' || c == 'i';
  }

  /**
   * A letter (not CJK) or a leet char, with no letter or digit on either side, nor an apostrophe
   * ("I'm a") or line break before it.
   */
  private static boolean isSingle(char[] chars, int n, int i) {
    char c = chars[i];
    // most letters have a letter after them: that test first
    if (i + 1 < n && (Letters.isLetterOrDigit(chars[i + 1]) || isApostrophe(chars[i + 1]))) {
      return false;
    }
    if (Letters.isLetter(c) ? c >= 0x2E80 : Leetspeak.letterFor(c) == 0) {
      return false;
    }
    return !(i > 0 && (Letters.isLetterOrDigit(chars[i - 1]) || isApostrophe(chars[i - 1])));
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019';
  }
}
