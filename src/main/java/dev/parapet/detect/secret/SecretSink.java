package dev.parapet.detect.secret;

import dev.parapet.detect.SpanSet;
import java.util.ArrayList;
import java.util.List;

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
