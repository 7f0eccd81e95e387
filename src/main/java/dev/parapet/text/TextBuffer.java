package dev.parapet.text;

import java.util.Arrays;

/**
 * The normalized text under construction: chars plus, for each char, the original code point span
 * it came from and the {@link Via} bits of what was done to it. Steps append to it or rewrite it in
 * place; nothing is allocated per char.
 */
final class TextBuffer {

  char[] chars;
  int[] start;
  int[] end;
  short[] via;
  int length;

  /** Whether a letter of a script with Latin look-alikes (Greek, Cyrillic, ...) was appended. */
  boolean mayHaveConfusables;

  /** Whether a char that can open markup inside a word ({@code < * _ ` ~}) was appended. */
  boolean mayHaveMarkup;

  TextBuffer(int capacity) {
    int size = Math.max(16, capacity);
    chars = new char[size];
    start = new int[size];
    end = new int[size];
    via = new short[size];
  }

  void append(char c, int from, int to) {
    append(c, from, to, 0);
  }

  void append(char c, int from, int to, int how) {
    if (length == chars.length) {
      int size = chars.length * 2;
      chars = Arrays.copyOf(chars, size);
      start = Arrays.copyOf(start, size);
      end = Arrays.copyOf(end, size);
      via = Arrays.copyOf(via, size);
    }
    chars[length] = c;
    start[length] = from;
    end[length] = to;
    via[length] = (short) how;
    length++;
  }

  /** Widens the span of the last char, for marks that attach to it. */
  void extendLast(int to, int how) {
    if (length > 0) {
      if (end[length - 1] < to) {
        end[length - 1] = to;
      }
      via[length - 1] |= (short) how;
    }
  }

  /** Moves chars {@code [from, end)} to {@code to}; returns where the next char goes. */
  int move(int from, int endExclusive, int to) {
    int count = endExclusive - from;
    if (from != to && count > 0) {
      System.arraycopy(chars, from, chars, to, count);
      System.arraycopy(start, from, start, to, count);
      System.arraycopy(end, from, end, to, count);
      System.arraycopy(via, from, via, to, count);
    }
    return to + count;
  }

  /** Copies char {@code from} with its offsets and bits to {@code to}. */
  void copy(int from, int to) {
    if (from != to) {
      chars[to] = chars[from];
      start[to] = start[from];
      end[to] = end[from];
      via[to] = via[from];
    }
  }

  /** The result; this buffer must not be used afterwards, as it hands over its arrays. */
  NormalizedText toNormalized(String original, int originalCodePoints) {
    return new NormalizedText(
        original, originalCodePoints, new String(chars, 0, length), start, end, via);
  }
}
