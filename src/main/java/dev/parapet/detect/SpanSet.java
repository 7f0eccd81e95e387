package dev.parapet.detect;

import java.util.Map;
import java.util.TreeMap;

/**
 * Spans already claimed by a finding, so a later recognizer does not report the same characters
 * again. Kept as disjoint merged intervals, so an overlap query costs a logarithm, not a scan,
 * however many findings a text holds.
 */
public final class SpanSet {

  private final TreeMap<Integer, Integer> spans = new TreeMap<>();

  /**
   * The end of the last span. Detectors scan a text front to back, so most questions and most new
   * spans lie beyond it, and are answered without the tree.
   */
  private int lastEnd = Integer.MIN_VALUE;

  /** Whether {@code [start, end)} overlaps a span already added. */
  public boolean overlaps(int start, int end) {
    if (start >= lastEnd) {
      return false;
    }
    Map.Entry<Integer, Integer> before = spans.lowerEntry(end);
    return before != null && before.getValue() > start;
  }

  public void add(int start, int end) {
    if (start > lastEnd) {
      spans.put(start, end);
      lastEnd = end;
      return;
    }
    int from = start;
    int to = end;
    Map.Entry<Integer, Integer> floor = spans.floorEntry(start);
    if (floor != null && floor.getValue() >= start) {
      from = floor.getKey();
      to = Math.max(to, floor.getValue());
    }
    Map.Entry<Integer, Integer> next = spans.ceilingEntry(from);
    while (next != null && next.getKey() <= to) {
      to = Math.max(to, next.getValue());
      spans.remove(next.getKey());
      next = spans.ceilingEntry(from);
    }
    spans.put(from, to);
    lastEnd = Math.max(lastEnd, to);
  }
}
