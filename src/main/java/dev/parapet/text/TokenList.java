package dev.parapet.text;

/**
 * The tokens of a normalized text as parallel int arrays (char offsets into the normalized text),
 * so tokenizing allocates nothing per token.
 */
public final class TokenList {

  /** The token is one CJK, kana or Hangul character. */
  public static final int CJK = 1;

  /** The token follows a soft boundary and may be read as part of the token before it. */
  public static final int SOFT_JOINED = 2;

  int[] start;
  int[] end;
  int[] flags;
  int size;

  TokenList(int capacity) {
    start = new int[capacity];
    end = new int[capacity];
    flags = new int[capacity];
  }

  public int size() {
    return size;
  }

  public int start(int i) {
    return start[i];
  }

  public int end(int i) {
    return end[i];
  }

  public boolean isCjk(int i) {
    return (flags[i] & CJK) != 0;
  }

  public boolean isSoftJoined(int i) {
    return (flags[i] & SOFT_JOINED) != 0;
  }

  void add(int from, int to, int flag) {
    if (size == start.length) {
      start = java.util.Arrays.copyOf(start, size * 2);
      end = java.util.Arrays.copyOf(end, size * 2);
      flags = java.util.Arrays.copyOf(flags, size * 2);
    }
    start[size] = from;
    end[size] = to;
    flags[size] = flag;
    size++;
  }
}
