package dev.parapet.detect.pii;

import java.util.List;

/** Context words around a candidate: the window searched, and the words right before it. */
final class Context {

  static final double BOOST = 0.35;
  static final double PENALTY = 0.3;
  static final int BEFORE = 48;
  static final int AFTER = 16;

  /** Words that make a number likelier to be a business reference than personal data. */
  static final List<String> NEGATIVE =
      List.of(
          "order",
          "invoice",
          "tracking",
          "isbn",
          "ticket",
          "serial",
          "sku",
          "reference",
          "part no",
          "version");

  private Context() {}

  /**
   * Whether one of the lower-case {@code words} occurs within the window around {@code [start,
   * end)}, outside the candidate itself; only the window is searched, so a scan stays linear.
   */
  static boolean near(String lower, int start, int end, List<String> words) {
    int from = Math.max(0, start - BEFORE);
    int to = Math.min(lower.length(), end + AFTER);
    for (String word : words) {
      char first = word.charAt(0);
      for (int at = from; at <= to - word.length(); at++) {
        if (lower.charAt(at) == first
            && lower.regionMatches(at + 1, word, 1, word.length() - 1)
            && (at + word.length() <= start || at >= end)
            && isWord(lower, at, word)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the match of {@code word} at {@code at} starts a word ("eth" is not in "whether", "cc"
   * not in "according"); a word of three letters or fewer must also end one ("ssn" but not "dlx").
   * Words in scripts without spaces match anywhere.
   */
  private static boolean isWord(String lower, int at, String word) {
    if (!Candidates.isAsciiLetter(word.charAt(0))) {
      return true;
    }
    if (at > 0 && Candidates.isAsciiLetter(lower.charAt(at - 1))) {
      return false;
    }
    int after = at + word.length();
    return word.length() > 3
        || after >= lower.length()
        || !Candidates.isAsciiLetter(lower.charAt(after));
  }

  /**
   * Whether the candidate at {@code start} comes right after one of {@code words} (spaces, ':', '#'
   * and '=' between): "version 1.2.3.4", "OID 1.3.6.1".
   */
  static boolean after(String lower, int start, List<String> words) {
    if (words.isEmpty()) {
      return false;
    }
    int end = start;
    while (end > 0 && end > start - 4 && " :#=".indexOf(lower.charAt(end - 1)) >= 0) {
      end--;
    }
    for (String word : words) {
      int at = end - word.length();
      if (at >= 0
          && lower.startsWith(word, at)
          && (at == 0 || !Candidates.isAlnum(lower.charAt(at - 1)))) {
        return true;
      }
    }
    return false;
  }
}
