package dev.parapet.text;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A normalized view of a text together with the way back: every char of {@link #text()} knows the
 * span of original code points it came from, so a match in the normalized view becomes a span in
 * the original text.
 */
public final class NormalizedText {

  /**
   * Stands between a spaced-out article and the letters after it ("a b o m b"): matchers may read
   * it as a word boundary or as nothing.
   */
  public static final char SOFT_BOUNDARY = '\u2063';

  /** Stands for a char above U+00FF in {@link #originalLatin1()}: ASCII's own SUBSTITUTE. */
  public static final char NOT_LATIN1 = '\u001a';

  private final String original;
  private final int originalLength;
  private final String text;
  private final int[] sourceStart;
  private final int[] sourceEnd;

  /** For each char, the {@link Via} bits of what normalizing did to it; null when nothing did. */
  private final short[] via;

  /** Where this view's chars begin in the offset arrays, which a slice shares with its whole. */
  private final int base;

  /** The original code point this view's original begins at, within the arrays' original. */
  private final int shift;

  private volatile TokenList tokens;
  private volatile String originalLowered;
  private volatile String originalLatin1;
  private volatile String originalLatin1Lowered;

  /**
   * @param sourceStart for each char of {@code text}, the first original code point it came from
   * @param sourceEnd for each char of {@code text}, the original code point just after its source
   */
  public NormalizedText(String original, String text, int[] sourceStart, int[] sourceEnd) {
    this(
        original,
        original.codePointCount(0, original.length()),
        text,
        sourceStart,
        sourceEnd,
        null);
  }

  /** For the normalizer, which counted the original's code points on its way through. */
  NormalizedText(
      String original,
      int originalLength,
      String text,
      int[] sourceStart,
      int[] sourceEnd,
      short[] via) {
    this(original, originalLength, text, sourceStart, sourceEnd, via, 0, 0);
    // the normalizer's arrays may run past the text: it hands over its buffers uncopied
    if (sourceStart.length < text.length() || sourceEnd.length < text.length()) {
      throw new IllegalArgumentException("offset map does not cover the normalized text");
    }
  }

  private NormalizedText(
      String original,
      int originalLength,
      String text,
      int[] sourceStart,
      int[] sourceEnd,
      short[] via,
      int base,
      int shift) {
    this.original = original;
    this.originalLength = originalLength;
    this.text = text;
    this.sourceStart = sourceStart;
    this.sourceEnd = sourceEnd;
    this.via = via;
    this.base = base;
    this.shift = shift;
  }

  /** The text as the caller sent it. */
  public String original() {
    return original;
  }

  /**
   * The original with ASCII letters lowered and every other char kept, so its indices are the
   * original's: for case-insensitive searches that report where in the original they matched.
   * Computed once and shared by every detector.
   */
  public String originalAsciiLower() {
    String result = originalLowered;
    if (result == null) {
      result = asciiLower(original);
      originalLowered = result; // a benign race, as for tokens
    }
    return result;
  }

  /**
   * The original with every char above U+00FF replaced by {@link #NOT_LATIN1}, so its indices are
   * the original's. Java keeps such a string at a byte per char, where searching for an ASCII word
   * is several times faster than in a text that holds a single CJK char or emoji. Computed once and
   * shared by every detector.
   */
  public String originalLatin1() {
    String result = originalLatin1;
    if (result == null) {
      result = latin1(original);
      originalLatin1 = result; // a benign race, as for tokens
    }
    return result;
  }

  /**
   * {@link #originalLatin1()} with ASCII letters lowered: where case-insensitive searches for words
   * of Latin-1 chars run at a byte per char, twice as fast as in a text that holds one CJK char or
   * emoji. Computed once and shared by every detector.
   */
  public String originalLatin1AsciiLower() {
    String result = originalLatin1Lowered;
    if (result == null) {
      String latin1 = originalLatin1();
      result = latin1 == original ? originalAsciiLower() : asciiLowerLatin1(latin1);
      originalLatin1Lowered = result; // a benign race, as for tokens
    }
    return result;
  }

  /** {@link #asciiLower} of a string of Latin-1 chars, a byte at a time. */
  private static String asciiLowerLatin1(String latin1) {
    byte[] chars = latin1.getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] >= 'A' && chars[i] <= 'Z') {
        chars[i] += 32;
      }
    }
    return new String(chars, StandardCharsets.ISO_8859_1);
  }

  /** {@code s} with chars above U+00FF replaced; the same string when it has none. */
  public static String latin1(String s) {
    int first = 0;
    while (first < s.length() && s.charAt(first) <= 0xFF) {
      first++;
    }
    if (first == s.length()) {
      return s;
    }
    char[] out = s.toCharArray();
    for (int i = first; i < out.length; i++) {
      if (out[i] > 0xFF) {
        out[i] = NOT_LATIN1;
      }
    }
    return new String(out);
  }

  /** {@code s} with ASCII letters lowered; the same string when it has none to lower. */
  public static String asciiLower(String s) {
    int first = 0;
    while (first < s.length() && !(s.charAt(first) >= 'A' && s.charAt(first) <= 'Z')) {
      first++;
    }
    if (first == s.length()) {
      return s;
    }
    char[] out = s.toCharArray();
    for (int i = first; i < out.length; i++) {
      if (out[i] >= 'A' && out[i] <= 'Z') {
        out[i] = (char) (out[i] + 32);
      }
    }
    return new String(out);
  }

  /** The original text's length in code points. */
  public int originalLength() {
    return originalLength;
  }

  /** The normalized text that detectors match against. */
  public String text() {
    return text;
  }

  /** The tokens of the normalized text, computed once and shared by every detector. */
  public TokenList tokens() {
    TokenList result = tokens;
    if (result == null) {
      result = Tokenizer.tokenize(text);
      tokens = result; // a benign race: every thread computes the same list
    }
    return result;
  }

  /** The original code point where the normalized char at {@code index} starts. */
  public int originalStart(int index) {
    return sourceStart[base + Objects.checkIndex(index, text.length())] - shift;
  }

  /** The original code point just after the normalized char at {@code index}. */
  public int originalEnd(int index) {
    return sourceEnd[base + Objects.checkIndex(index, text.length())] - shift;
  }

  /**
   * The char index of the original that lies {@code codePoints} code points after char index {@code
   * fromChar}. Without surrogate pairs a code point is a char, and nothing is walked.
   */
  public int originalCharAfter(int fromChar, int codePoints) {
    return originalLength == original.length()
        ? fromChar + codePoints
        : original.offsetByCodePoints(fromChar, codePoints);
  }

  /**
   * The part of this view made of normalized chars {@code [from, to)}, as a view of its own whose
   * original is the matching part of this original, starting at code point {@code sliceStartCp} =
   * {@code originalStart(from)} and char {@code sliceStartChar}.
   */
  public NormalizedText slice(int from, int to, int sliceStartChar) {
    int startCp = originalStart(from);
    int endCp = startCp;
    for (int i = from; i < to; i++) {
      endCp = Math.max(endCp, originalEnd(i));
    }
    int endChar = originalCharAfter(sliceStartChar, endCp - startCp);
    // the slice reads the same offset arrays, so cutting a long text copies no offsets
    return new NormalizedText(
        original.substring(sliceStartChar, endChar),
        endCp - startCp,
        text.substring(from, to),
        sourceStart,
        sourceEnd,
        via,
        base + from,
        shift + startCp);
  }

  /**
   * The {@link Via} bits of the normalized chars {@code [from, to)} together: which normalizations
   * it took to read them as they read here. Zero when they stand in the original as they are (up to
   * case).
   */
  public int via(int from, int to) {
    if (via == null) {
      return 0;
    }
    Objects.checkFromToIndex(from, to, text.length());
    int bits = 0;
    for (int i = from; i < to; i++) {
      bits |= via[base + i];
    }
    return bits;
  }

  /**
   * Maps the normalized char range {@code [from, to)} back to original code points, {@code end}
   * exclusive.
   */
  public Span toOriginal(int from, int to) {
    if (from < 0 || to > text.length() || from >= to) {
      throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + text.length());
    }
    int start = Integer.MAX_VALUE;
    int end = Integer.MIN_VALUE;
    for (int i = from; i < to; i++) {
      start = Math.min(start, sourceStart[base + i]);
      end = Math.max(end, sourceEnd[base + i]);
    }
    return new Span(start - shift, end - shift);
  }
}
