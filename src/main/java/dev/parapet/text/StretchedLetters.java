package dev.parapet.text;

/**
 * Sees through stretched letters ("baaaad"): match keys fold each run of one letter into a single
 * letter and remember the run's length; a text run then matches a term run when the lengths are
 * equal, or when the text stretches the letter to three or more. So "baaaad" matches "bad" and
 * "goood" matches "good", but "good" does not match "god". Keys also read 'l' as 'i', since
 * leetspeak '1' may stand for either.
 */
public final class StretchedLetters {

  private StretchedLetters() {}

  /** The letter a match key uses for a code point. */
  public static int keyOf(int cp) {
    return cp == 'l' ? 'i' : cp;
  }

  /**
   * The shortest term, in letters, in which one doubled letter still reads as the term's single
   * one: "iddiot" is "idiot", but "good" is not "god".
   */
  public static final int MIN_LETTERS_FOR_DOUBLING = 4;

  /**
   * Whether a text run doubles a single letter of a term of {@code termLetters} letters: a doubling
   * that only a long term can afford, so short words keep apart.
   */
  public static boolean doubledMatches(int textRun, int termRun, int termLetters) {
    return textRun == 2 && termRun == 1 && termLetters >= MIN_LETTERS_FOR_DOUBLING;
  }

  /** Whether a text run of {@code textRun} letters matches a term run of {@code termRun}. */
  public static boolean runMatches(int textRun, int termRun) {
    return textRun == termRun || (textRun >= 3 && textRun >= termRun);
  }
}
