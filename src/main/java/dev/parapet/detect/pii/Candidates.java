package dev.parapet.detect.pii;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the runs of a text that could be identifiers: letters and digits joined by single
 * separators ('-', '.', '/', and spaces between digits), with a leading '+' or parentheses for
 * phone numbers. Runs longer than {@link #MAX} are cut, which bounds every later match.
 */
final class Candidates {

  static final int MAX = 64;

  private Candidates() {}

  /**
   * UTF-16 {@code [start, end, kinds]} of each run, {@code kinds} being {@link ShapeBounds#kindsOf}
   * the run.
   */
  static List<int[]> of(String text) {
    List<int[]> runs = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      boolean opener = (c == '+' || c == '(') && i + 1 < n && isDigit(text.charAt(i + 1));
      if (!isAlnum(c) && !opener) {
        i++;
        continue;
      }
      int start = i;
      int digits = 0;
      i++;
      digits += isDigit(c) ? 1 : 0;
      // the kinds of char read so far, and as of the last char the trimmed run keeps
      int kinds = ShapeBounds.kindOf(c);
      int kept = isAlnum(c) ? kinds : 0;
      while (i < n && i - start < MAX) {
        char x = text.charAt(i);
        if (isAlnum(x)) {
          digits += isDigit(x) ? 1 : 0;
          kinds |= ShapeBounds.kindOf(x);
          kept = kinds;
          i++;
        } else if (joins(text, i)) {
          kinds |= ShapeBounds.kindOf(x);
          kept = x == ')' ? kinds : kept;
          i++;
        } else {
          break;
        }
      }
      int end = i;
      while (end > start && !isAlnum(text.charAt(end - 1)) && text.charAt(end - 1) != ')') {
        end--;
      }
      if (digits > 0 && end - start >= 6) {
        runs.add(new int[] {start, end, kept});
      }
      if (i - start >= MAX) {
        // a very long run: skip to its end so the scan stays linear
        while (i < n && (isAlnum(text.charAt(i)) || joins(text, i))) {
          i++;
        }
      }
    }
    return runs;
  }

  private static boolean joins(String text, int i) {
    if (i + 1 >= text.length() || i == 0) {
      return false;
    }
    char x = text.charAt(i);
    char before = text.charAt(i - 1);
    char after = text.charAt(i + 1);
    if (x == '-' || x == '.' || x == '/') {
      return isAlnum(before) && isAlnum(after);
    }
    if (x == ' ') {
      return (isDigit(before) || before == ')') && (isDigit(after) || after == '(');
    }
    if (x == '(') {
      return isDigit(after);
    }
    if (x == ')') {
      return isDigit(before);
    }
    return false;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  static boolean isAlnum(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }
}
