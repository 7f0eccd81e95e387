package dev.parapet.detect.lexicon;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.fst.FST;

/**
 * The arcs an FST walk takes for its first few labels, looked up once when the matcher is made.
 * Every token of a text starts a walk at the root, whose node has an arc for nearly every letter
 * and CJK character the lexicons begin with, and most walks end within three labels; searching
 * those nodes was most of a check's lexicon time once the starter lexicons grew to thousands of
 * terms. Each arc here is the one {@link FST#findTargetArc} answers, so a walk through it reads the
 * same. Immutable and thread-safe; walks copy arcs out, never into it.
 */
final class FirstArcs {

  /** How many labels deep arcs are kept at most. */
  static final int DEPTH = 3;

  /** A level with more arcs than this is left to the FST (a million-term lexicon's lower ones). */
  static final int MAX_ARCS = 1 << 16;

  /** Bits per label in a prefix: a code point fits in 21, so three fit in a long. */
  static final int LABEL_BITS = 21;

  /** {@link #follow} answers this when it holds nothing for that depth. */
  static final long UNKNOWN = -2;

  /** {@link #follow} answers this when the FST has no such arc: no term goes on this way. */
  static final long NONE = -1;

  /** Per depth, the arcs by the labels that lead to them. */
  private final ArcTable[] levels;

  private FirstArcs(ArcTable[] levels) {
    this.levels = levels;
  }

  /** The first levels of {@code fst}, whose outputs are non-negative sums. */
  static FirstArcs of(FST<Long> fst) throws IOException {
    FST.BytesReader reader = fst.getBytesReader();
    List<ArcTable> levels = new ArrayList<>();
    // the arcs of the level being read, the prefixes that reach them and the outputs there
    List<FST.Arc<Long>> arcs = List.of(fst.getFirstArc(new FST.Arc<>()));
    List<Long> prefixes = List.of(0L);
    List<Long> outputs = List.of(0L);
    for (int depth = 0; depth < DEPTH; depth++) {
      List<FST.Arc<Long>> nextArcs = new ArrayList<>();
      List<Long> nextPrefixes = new ArrayList<>();
      List<Long> nextOutputs = new ArrayList<>();
      for (int i = 0; i < arcs.size() && nextArcs.size() <= MAX_ARCS; i++) {
        FST.Arc<Long> from = arcs.get(i);
        if (depth > 0 && !FST.targetHasArcs(from)) {
          continue;
        }
        for (FST.Arc<Long> arc : arcsFrom(fst, from, reader)) {
          nextArcs.add(arc);
          nextPrefixes.add(key(prefixes.get(i), arc.label()));
          nextOutputs.add(outputs.get(i) + arc.output());
        }
      }
      if (nextArcs.size() > MAX_ARCS) {
        break;
      }
      ArcTable table = new ArcTable(nextArcs.size());
      for (int i = 0; i < nextArcs.size(); i++) {
        table.put(nextPrefixes.get(i), nextArcs.get(i), nextOutputs.get(i));
      }
      levels.add(table);
      arcs = nextArcs;
      prefixes = nextPrefixes;
      outputs = nextOutputs;
    }
    return new FirstArcs(levels.toArray(ArcTable[]::new));
  }

  /** How many levels are kept. */
  int depth() {
    return levels.length;
  }

  /**
   * Moves {@code arc} to where a walk stands after the labels of {@code prefix} and then {@code
   * label}, and answers the walk's output there, {@link #NONE} when no term goes on so, or {@link
   * #UNKNOWN} when this depth is not kept.
   *
   * @param depth how many labels the walk has taken from the root before {@code label}
   * @param prefix those labels, as {@link #key} packs them
   */
  long follow(int depth, long prefix, int label, FST.Arc<Long> arc) {
    if (depth >= levels.length) {
      return UNKNOWN;
    }
    ArcTable table = levels[depth];
    int at = table.find(key(prefix, label));
    if (at < 0) {
      return NONE;
    }
    arc.copyFrom(table.arcs[at]);
    return table.outputs[at];
  }

  /** The prefix of the labels in {@code prefix} and then {@code label}. */
  static long key(long prefix, int label) {
    return (prefix << LABEL_BITS) | label;
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
