package dev.parapet.text;

import java.util.Arrays;

/**
 * The normalized text under construction: chars plus, for each char, the original code point span
 * it came from. Steps append to it or rewrite it in place; nothing is allocated per char.
 */
final class TextBuffer {

  char[] chars;
  int[] start;
  int[] end;
  int length;

  TextBuffer(int capacity) {
    int size = Math.max(16, capacity);
    chars = new char[size];
    start = new int[size];
    end = new int[size];
  }

  void append(char c, int from, int to) {
    if (length == chars.length) {
      int size = chars.length * 2;
      chars = Arrays.copyOf(chars, size);
      start = Arrays.copyOf(start, size);
      end = Arrays.copyOf(end, size);
    }
    chars[length] = c;
    start[length] = from;
    end[length] = to;
    length++;
  }

  /** Widens the span of the last char, for marks that attach to it. */
  void extendLast(int to) {
    if (length > 0 && end[length - 1] < to) {
      end[length - 1] = to;
    }
  }

  /** The result; this buffer must not be used afterwards, as it hands over its arrays. */
  NormalizedText toNormalized(String original, int originalCodePoints) {
    return new NormalizedText(
        original, originalCodePoints, new String(chars, 0, length), start, end);
  }
}
