package dev.parapet.detect.lexicon;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.fst.FST;

/**
 * The arcs an FST walk takes for its first one and two labels, looked up once when the matcher is
 * made. Every token of a text starts a walk at the root, whose node has an arc for nearly every
 * letter and CJK character the lexicons begin with; searching it, and the second level below it,
 * was most of a check's lexicon time once the starter lexicons grew to thousands of terms. Each arc
 * here is the one {@link FST#findTargetArc} answers, so a walk through it reads the same. Immutable
 * and thread-safe; walks copy arcs out, never into it.
 */
final class FirstArcs {

  /** Above this many two-label prefixes only the first level is kept (a million-term lexicon). */
  static final int MAX_PAIRS = 1 << 16;

  /** {@link #follow} answers this when it holds nothing for the label at that depth. */
  static final long UNKNOWN = -2;

  /** {@link #follow} answers this when the FST has no such arc: no term goes on this way. */
  static final long NONE = -1;

  private final ArcTable first;
  private final ArcTable pairs; // null above MAX_PAIRS

  private FirstArcs(ArcTable first, ArcTable pairs) {
    this.first = first;
    this.pairs = pairs;
  }

  /** The first two levels of {@code fst}, whose outputs are non-negative sums. */
  static FirstArcs of(FST<Long> fst) throws IOException {
    FST.BytesReader reader = fst.getBytesReader();
    FST.Arc<Long> root = fst.getFirstArc(new FST.Arc<>());
    List<FST.Arc<Long>> firstArcs = arcsFrom(fst, root, reader);
    ArcTable first = new ArcTable(firstArcs.size());
    int pairCount = 0;
    List<List<FST.Arc<Long>>> below = new ArrayList<>(firstArcs.size());
    for (FST.Arc<Long> arc : firstArcs) {
      first.put(arc.label(), arc, arc.output());
      List<FST.Arc<Long>> next =
          FST.targetHasArcs(arc) ? arcsFrom(fst, arc, reader) : List.<FST.Arc<Long>>of();
      pairCount += next.size();
      below.add(pairCount > MAX_PAIRS ? List.of() : next);
    }
    if (pairCount > MAX_PAIRS) {
      return new FirstArcs(first, null);
    }
    ArcTable pairs = new ArcTable(pairCount);
    for (int i = 0; i < firstArcs.size(); i++) {
      FST.Arc<Long> one = firstArcs.get(i);
      for (FST.Arc<Long> two : below.get(i)) {
        pairs.put(pair(one.label(), two.label()), two, one.output() + two.output());
      }
    }
    return new FirstArcs(first, pairs);
  }

  /**
   * Moves {@code arc} to where a walk stands after the labels {@code previous} (at depth 1 only)
   * and {@code label}, and answers the walk's output there, {@link #NONE} when no term goes on so,
   * or {@link #UNKNOWN} when this depth is not held here.
   *
   * @param depth how many labels the walk has taken from the root before {@code label}
   */
  long follow(int depth, int previous, int label, FST.Arc<Long> arc) {
    ArcTable table;
    long key;
    if (depth == 0) {
      table = first;
      key = label;
    } else if (depth == 1 && pairs != null) {
      table = pairs;
      key = pair(previous, label);
    } else {
      return UNKNOWN;
    }
    int at = table.find(key);
    if (at < 0) {
      return NONE;
    }
    arc.copyFrom(table.arcs[at]);
    return table.outputs[at];
  }

  private static long pair(int one, int two) {
    return ((long) one << 32) | (two & 0xFFFFFFFFL);
  }

  /** Every arc leaving {@code from}'s target, each as {@link FST#findTargetArc} finds it. */
  private static List<FST.Arc<Long>> arcsFrom(
      FST<Long> fst, FST.Arc<Long> from, FST.BytesReader reader) throws IOException {
    List<Integer> labels = new ArrayList<>();
    FST.Arc<Long> arc = fst.readFirstTargetArc(from, new FST.Arc<>(), reader);
    while (true) {
      if (arc.label() != FST.END_LABEL) {
        labels.add(arc.label());
      }
      if (arc.isLast()) {
        break;
      }
      fst.readNextArc(arc, reader);
    }
    List<FST.Arc<Long>> arcs = new ArrayList<>(labels.size());
    for (int label : labels) {
      FST.Arc<Long> found = fst.findTargetArc(label, from, new FST.Arc<>(), reader);
      if (found != null) {
        arcs.add(found);
      }
    }
    return arcs;
  }

  /** Open addressing from a long key to an arc and the walk's output there. */
  private static final class ArcTable {
    private final long[] keys;
    private final FST.Arc<Long>[] arcs;
    private final long[] outputs;
    private final int mask;

    @SuppressWarnings("unchecked")
    ArcTable(int entries) {
      int size = Integer.highestOneBit(Math.max(4, entries * 2 - 1)) << 1;
      keys = new long[size];
      arcs = new FST.Arc[size];
      outputs = new long[size];
      mask = size - 1;
    }

    void put(long key, FST.Arc<Long> arc, long output) {
      int i = slot(key);
      while (arcs[i] != null && keys[i] != key) {
        i = (i + 1) & mask;
      }
      keys[i] = key;
      arcs[i] = arc;
      outputs[i] = output;
    }

    int find(long key) {
      for (int i = slot(key); arcs[i] != null; i = (i + 1) & mask) {
        if (keys[i] == key) {
          return i;
        }
      }
      return -1;
    }

    private int slot(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32)) & mask;
    }
  }
}
