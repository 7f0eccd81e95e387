package dev.parapet.text;

/**
 * Looks through markup inside a word ({@code i<b>d</b>iot}, {@code **i**diot}, {@code sh`i`t},
 * {@code id~~i~~ot}): a run of HTML tags, or of up to three Markdown emphasis and code marks
 * ({@code * _ ` ~}), with a letter or digit on both sides is dropped, so the word reads whole. A
 * single mark between two single letters is left for {@link SpacedLetters}, which reads {@code
 * i_d_i_o_t} as a spaced-out word. Markup at the edge of a word is punctuation already.
 */
final class MarkupMarks {

  /** The longest tag read as one: longer "tags" are more likely prose with a stray '<'. */
  static final int MAX_TAG = 64;

  static final int MAX_MARKS = 3;

  private MarkupMarks() {}

  static void apply(TextBuffer text) {
    char[] chars = text.chars;
    int n = text.length;
    int write = 0;
    int plain = 0;
    int i = 1;
    int joined = -1; // the letter after the last run dropped: it belongs to the word before
    while (i < n) {
      int end = markupEnd(chars, n, i, i - 1 == joined);
      if (end < 0) {
        i++;
        continue;
      }
      write = text.move(plain, i, write);
      text.via[end] |= Via.MARKUP;
      plain = end;
      joined = end;
      i = end + 1;
    }
    write = text.move(plain, n, write);
    text.length = write;
  }

  /**
   * Where the char after a run of markup starting at {@code i} stands, when the run lies inside a
   * word and should go; else -1.
   */
  private static int markupEnd(char[] chars, int n, int i, boolean afterJoin) {
    char c = chars[i];
    if (c != '<' && !isMark(c) || !Letters.isLetterOrDigit(chars[i - 1])) {
      return -1;
    }
    int j = i;
    boolean tags = false;
    int marks = 0;
    while (j < n) {
      if (chars[j] == '<') {
        int tagEnd = tagEnd(chars, n, j);
        if (tagEnd < 0) {
          return -1;
        }
        tags = true;
        j = tagEnd;
      } else if (isMark(chars[j])) {
        marks++;
        j++;
      } else {
        break;
      }
    }
    if (j >= n || !Letters.isLetterOrDigit(chars[j]) || marks > MAX_MARKS) {
      return -1;
    }
    if (!tags && marks == 1 && !afterJoin && spacedOut(chars, n, i - 1, j)) {
      return -1; // i_d_i_o_t: spaced letters, joined by SpacedLetters
    }
    return j;
  }

  /** The index after a tag starting at {@code i} ({@code <b>}, {@code </span>}), or -1. */
  private static int tagEnd(char[] chars, int n, int i) {
    int j = i + 1;
    if (j < n && chars[j] == '/') {
      j++;
    }
    if (j >= n || !(chars[j] >= 'a' && chars[j] <= 'z')) {
      return -1;
    }
    int limit = Math.min(n, i + MAX_TAG);
    while (j < limit && chars[j] != '>' && chars[j] != '<' && chars[j] != '\n') {
      j++;
    }
    return j < limit && chars[j] == '>' ? j + 1 : -1;
  }

  private static boolean isMark(char c) {
    return c == '*' || c == '_' || c == '`' || c == '~';
  }

  /**
   * Whether lone letters at {@code left} and {@code right} belong to a run of three or more split
   * by single chars ({@code i_d_i_o_t}), rather than a word with its first letter marked ({@code
   * g_u_aranteed}).
   */
  private static boolean spacedOut(char[] chars, int n, int left, int right) {
    return isLone(chars, n, left)
        && isLone(chars, n, right)
        && (right + 2 < n && isLone(chars, n, right + 2)
            || left >= 2 && isLone(chars, n, left - 2));
  }

  /** A letter with no letter or digit before or after it: one of a spaced-out word's letters. */
  private static boolean isLone(char[] chars, int n, int i) {
    return Letters.isLetterOrDigit(chars[i])
        && !(i > 0 && Letters.isLetterOrDigit(chars[i - 1]))
        && !(i + 1 < n && Letters.isLetterOrDigit(chars[i + 1]));
  }
}
