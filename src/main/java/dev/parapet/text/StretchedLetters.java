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

  /** Whether a text run of {@code textRun} letters matches a term run of {@code termRun}. */
  public static boolean runMatches(int textRun, int termRun) {
    return textRun == termRun || (textRun >= 3 && textRun >= termRun);
  }
}
