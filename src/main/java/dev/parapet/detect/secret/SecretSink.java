package dev.parapet.detect.secret;

import dev.parapet.detect.SpanSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where every recognizer of secrets writes its spans (UTF-16 indices), so that a span already
 * claimed by a more specific kind is not reported again by a generic one.
 */
final class SecretSink {

  final List<int[]> spans = new ArrayList<>();
  final List<String> kinds = new ArrayList<>();
  final List<Double> scores = new ArrayList<>();
  private final SpanSet claimed = new SpanSet();
  private final SpanSet vetoed = new SpanSet();
  private final Map<Integer, List<SecretKind>> prefixed = new HashMap<>();

  /**
   * Marks the reach after a provider's name where none of its kinds matched: a token there has the
   * wrong shape for the provider it is named with, so a generic key or token finding would be a
   * look-alike rather than that provider's credential.
   */
  void veto(int start, int end) {
    vetoed.add(start, end);
  }

  /** Whether a generic key or token at this span stands where a provider's format was expected. */
  boolean isVetoed(int start, int end) {
    return vetoed.overlaps(start, end);
  }

  /**
   * Marks where a token starts with a provider's distinctive prefix ({@code glpat-}, {@code
   * sk-or-v1-}), whether or not that provider's format then matched.
   */
  void prefixed(int start, SecretKind kind) {
    prefixed.computeIfAbsent(start, s -> new ArrayList<>(1)).add(kind);
  }

  /**
   * Whether the value {@code [start, end)} of {@code text} starts with a provider's prefix, no kind
   * claimed it, and it is cut short of that provider's format: a truncated or elided example
   * ({@code sk-or-v1-a2Cy8x}, {@code NRAK-GDJSS4}) that a generic finding should not report. A
   * value longer than the format, or of another alphabet, may be a newer format and stays open.
   */
  boolean isTruncatedProviderToken(String text, int start, int end) {
    List<SecretKind> kinds = prefixed.get(start);
    if (kinds == null || claimed.overlaps(start, end)) {
      return false;
    }
    String value = text.substring(start, end);
    for (SecretKind kind : kinds) {
      if (value.length() < longestPrefix(kind, value) + SHORTEST_BODY) {
        return true; // too short for any issuer's format, whatever its alphabet
      }
      for (char fill : FILLS) {
        String padded = value + String.valueOf(fill).repeat(PAD);
        com.google.re2j.Matcher m = kind.pattern().matcher(padded);
        if (m.lookingAt() && m.end() > value.length()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The fewest chars after its prefix that any issuer's random part holds. */
  private static final int SHORTEST_BODY = 12;

  private static int longestPrefix(SecretKind kind, String value) {
    int longest = 0;
    for (String prefix : kind.prefixes()) {
      if (value.startsWith(prefix)) {
        longest = Math.max(longest, prefix.length());
      }
    }
    return longest;
  }

  /** Chars that extend a token of any alphabet the catalogue uses: hex, base62, upper base32. */
  private static final char[] FILLS = {'a', '0', 'A', '2'};

  private static final int PAD = 400;

  /**
   * Claims a span without a finding: a recognizer that knows the structure judged the value there
   * and found no secret, so a generic one should not judge its raw text again.
   */
  void dismiss(int start, int end) {
    claimed.add(start, end);
  }

  boolean taken(int start, int end) {
    return claimed.overlaps(start, end);
  }

  /** Records the span unless it overlaps one already taken; returns whether it was recorded. */
  boolean add(int start, int end, String kind, double score) {
    if (end <= start || claimed.overlaps(start, end)) {
      return false;
    }
    spans.add(new int[] {start, end});
    kinds.add(kind);
    scores.add(score);
    claimed.add(start, end);
    return true;
  }
}
