package dev.parapet.detect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which ASCII chars a match of a pattern can continue with after a given start, read off the
 * pattern itself: a place in the text followed by any other char cannot begin a match, and is
 * skipped without running the regex.
 */
public final class NextChars {

  private NextChars() {}

  /**
   * For each ASCII char {@code c}, whether some match of {@code pattern} can begin with {@code
   * prefix + c}. Sound because the engine either finds a match within {@code prefix + c} or reports
   * that it reached the end wanting more; failing without either, no continuation can match.
   */
  public static boolean[] after(Pattern pattern, String prefix) {
    boolean[] can = new boolean[128];
    Matcher m = pattern.matcher("");
    for (char c = 0; c < 128; c++) {
      m.reset(prefix + c);
      can[c] = m.lookingAt() || m.hitEnd();
    }
    return can;
  }
}
