package dev.parapet.detect.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.text.Normalizer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.fst.FST;
import org.junit.jupiter.api.Test;

class FirstArcsTest {

  /** Labels few or no shipped terms go on with, beside the ones they do. */
  private static final int[] OTHER = {0x1F525, 0x2063, '#', 'q', ' ', 0x10FFFF};

  @Test
  void everyArcOfTheStarterLexiconsFirstLevelsIsTheOneTheFstFinds() throws IOException {
    FST<Long> fst =
        LexiconSet.load(Path.of("lexicons"), new Normalizer(), Clock.systemUTC()).matcher().fst();
    FirstArcs cached = FirstArcs.of(fst);
    assertThat(cached.depth()).isEqualTo(FirstArcs.DEPTH);
    FST.BytesReader reader = fst.getBytesReader();
    FST.Arc<Long> root = fst.getFirstArc(new FST.Arc<>());
    int compared = 0;
    // every label of the basic plane from the root, then every arc and a few missing ones below
    for (int one = 0; one < 0x10000; one++) {
      compared += compare(fst, reader, cached, root, 0, 0L, 0L, one);
    }
    assertThat(compared).isGreaterThan(3_000);
    // below the kept levels the walk asks the FST
    assertThat(cached.follow(FirstArcs.DEPTH, 0L, 'a', new FST.Arc<>()))
        .isEqualTo(FirstArcs.UNKNOWN);
  }

  /** Compares the arc for {@code label} after {@code from}, and recursively the arcs below it. */
  private static int compare(
      FST<Long> fst,
      FST.BytesReader reader,
      FirstArcs cached,
      FST.Arc<Long> from,
      int depth,
      long prefix,
      long output,
      int label)
      throws IOException {
    FST.Arc<Long> expected = fst.findTargetArc(label, from, new FST.Arc<>(), reader);
    FST.Arc<Long> got = new FST.Arc<>();
    long gotOutput = cached.follow(depth, prefix, label, got);
    if (expected == null) {
      assertThat(gotOutput).as("label %x at depth %d", label, depth).isEqualTo(FirstArcs.NONE);
      return 0;
    }
    long expectedOutput = output + expected.output();
    assertThat(gotOutput).isEqualTo(expectedOutput);
    assertThat(got.label()).isEqualTo(expected.label());
    assertThat(got.target()).isEqualTo(expected.target());
    assertThat(got.isFinal()).isEqualTo(expected.isFinal());
    assertThat(got.nextFinalOutput()).isEqualTo(expected.nextFinalOutput());
    int compared = 1;
    if (depth + 1 < FirstArcs.DEPTH) {
      List<Integer> below = labelsBelow(fst, expected, reader);
      for (int other : OTHER) {
        below.add(other);
      }
      long next = FirstArcs.key(prefix, label);
      for (int two : below) {
        compared += compare(fst, reader, cached, expected, depth + 1, next, expectedOutput, two);
      }
    }
    return compared;
  }

  private static List<Integer> labelsBelow(
      FST<Long> fst, FST.Arc<Long> from, FST.BytesReader reader) throws IOException {
    List<Integer> labels = new ArrayList<>();
    if (!FST.targetHasArcs(from)) {
      return labels;
    }
    FST.Arc<Long> arc = fst.readFirstTargetArc(from, new FST.Arc<>(), reader);
    while (true) {
      if (arc.label() != FST.END_LABEL) {
        labels.add(arc.label());
      }
      if (arc.isLast()) {
        return labels;
      }
      fst.readNextArc(arc, reader);
    }
  }
}
