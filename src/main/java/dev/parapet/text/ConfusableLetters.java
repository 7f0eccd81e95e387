package dev.parapet.text;

import com.ibm.icu.text.SpoofChecker;

/**
 * Reads letters of other scripts that look like Latin ones ({@code іdіоt} with Cyrillic і and о) as
 * those Latin letters, through the Unicode confusables skeleton (UTS #39, ICU's {@link
 * SpoofChecker}). Only a word that mixes such letters with Latin ones is read so, or a word made
 * wholly of look-alikes beside a Latin word on the same line: a Russian or Greek word among its own
 * kind keeps its letters, and so does any word with a letter that has no Latin look-alike.
 */
final class ConfusableLetters {

  /** The range looked at: from Greek up to the CJK blocks, where the look-alikes are. */
  private static final int FIRST = 0x250;

  private static final int LIMIT = 0x2E80;

  /** The Latin letter each char stands for; 0 before it is computed, {@link #NONE} for none. */
  private static final char[] LATIN = new char[LIMIT];

  private static final char NONE = '\uffff';

  private static SpoofChecker checker;

  private ConfusableLetters() {}

  static void apply(TextBuffer text) {
    char[] chars = text.chars;
    int n = text.length;
    int previousKind = Word.NONE;
    int i = 0;
    while (i < n) {
      if (!isWordChar(chars[i])) {
        if (chars[i] == '\n') {
          previousKind = Word.NONE;
        }
        i++;
        continue;
      }
      int from = i;
      int kind = Word.kindOf(chars, n, i);
      while (i < n && isWordChar(chars[i])) {
        i++;
      }
      if (isTagName(chars, from)) {
        continue; // "<em>как": a tag's name is no Latin context
      }
      if (kind == Word.MIXED
          || kind == Word.LOOK_ALIKES
              && (Word.isLatin(previousKind) || Word.isLatin(nextKind(chars, n, i)))) {
        for (int j = from; j < i; j++) {
          char latin = latinFor(chars[j]);
          if (latin != 0) {
            chars[j] = latin;
            text.via[j] |= Via.CONFUSABLE;
          }
        }
        kind = Word.LATIN; // read as Latin now: the context of the word after it ("і*ԁ*і*о*т")
      }
      previousKind = kind;
    }
  }

  /** The kind of the next word on the same line, or {@link Word#NONE}. */
  private static int nextKind(char[] chars, int n, int i) {
    while (true) {
      while (i < n && !isWordChar(chars[i]) && chars[i] != '\n') {
        i++;
      }
      if (i >= n || chars[i] == '\n') {
        return Word.NONE;
      }
      if (!isTagName(chars, i)) {
        return Word.kindOf(chars, n, i);
      }
      while (i < n && isWordChar(chars[i])) {
        i++;
      }
    }
  }

  /** Letters and digits up to the CJK blocks: CJK, kana and Hangul stand apart from a word. */
  private static boolean isWordChar(char c) {
    return c < LIMIT && Letters.isLetterOrDigit(c);
  }

  private static boolean isTagName(char[] chars, int from) {
    return from > 0
        && (chars[from - 1] == '<' || chars[from - 1] == '/' && from > 1 && chars[from - 2] == '<');
  }

  /** The Latin letter {@code c} looks like, or 0. */
  static char latinFor(char c) {
    if (c < FIRST || c >= LIMIT) {
      return 0;
    }
    char latin = LATIN[c];
    if (latin == 0) {
      latin = compute(c);
      LATIN[c] = latin; // a benign race: every thread computes the same value
    }
    return latin == NONE ? 0 : latin;
  }

  private static synchronized char compute(char c) {
    if (!Character.isLetter(c)) {
      return NONE;
    }
    if (checker == null) {
      checker = new SpoofChecker.Builder().build();
    }
    // lower case first: Cyrillic і is i, while its capital І is l; for т (ᴛ) the capital Т says t
    char latin = asciiLetter(checker.getSkeleton(String.valueOf(c)));
    if (latin == 0) {
      latin = asciiLetter(checker.getSkeleton(String.valueOf(Character.toUpperCase(c))));
    }
    return latin == 0 ? NONE : latin;
  }

  private static char asciiLetter(String skeleton) {
    if (skeleton.length() != 1) {
      return 0;
    }
    char s = skeleton.charAt(0);
    return s >= 'a' && s <= 'z' ? s : s >= 'A' && s <= 'Z' ? (char) (s + 32) : 0;
  }

  /** What a word is made of, as far as look-alikes go. */
  private static final class Word {
    static final int NONE = 0;
    static final int LATIN = 1;
    static final int LOOK_ALIKES = 2;
    static final int MIXED = 3;
    static final int OTHER = 4;

    /** A word of Latin letters, or one that mixes them with look-alikes. */
    static boolean isLatin(int kind) {
      return kind == LATIN || kind == MIXED;
    }

    static int kindOf(char[] chars, int n, int i) {
      boolean latin = false;
      boolean lookAlike = false;
      for (int j = i; j < n && isWordChar(chars[j]); j++) {
        char c = chars[j];
        if (c < FIRST) {
          latin |= Letters.isLetter(c);
        } else if (latinFor(c) != 0) {
          lookAlike = true;
        } else if (Character.isLetter(c)) {
          return OTHER; // a letter with no Latin look-alike: a word of its own script
        }
      }
      return lookAlike ? (latin ? MIXED : LOOK_ALIKES) : latin ? LATIN : NONE;
    }
  }
}
