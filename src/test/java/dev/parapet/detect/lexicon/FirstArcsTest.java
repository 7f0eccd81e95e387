package dev.parapet.detect.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.text.Normalizer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.lucene.util.fst.FST;
import org.junit.jupiter.api.Test;

class FirstArcsTest {

  /** Labels no shipped term begins with, beside the ones they do. */
  private static final int[] ABSENT = {0x1F525, 0x2063, '#', 0x10FFFF};

  @Test
  void everyFirstAndSecondArcOfTheStarterLexiconsIsTheOneTheFstFinds() throws IOException {
    FST<Long> fst =
        LexiconSet.load(Path.of("lexicons"), new Normalizer(), Clock.systemUTC()).matcher().fst();
    FirstArcs cached = FirstArcs.of(fst);
    FST.BytesReader reader = fst.getBytesReader();
    FST.Arc<Long> root = fst.getFirstArc(new FST.Arc<>());
    int pairs = 0;
    for (int one = 0; one < 0x10000; one++) {
      FST.Arc<Long> expected = fst.findTargetArc(one, root, new FST.Arc<>(), reader);
      FST.Arc<Long> got = new FST.Arc<>();
      long output = cached.follow(0, -1, one, got);
      if (expected == null) {
        assertThat(output).as("label %x", one).isEqualTo(FirstArcs.NONE);
        continue;
      }
      assertSame(got, output, expected, expected.output());
      for (int two : secondLabels(fst, expected, reader)) {
        FST.Arc<Long> expectedTwo = fst.findTargetArc(two, expected, new FST.Arc<>(), reader);
        FST.Arc<Long> gotTwo = new FST.Arc<>();
        assertSame(
            gotTwo,
            cached.follow(1, one, two, gotTwo),
            expectedTwo,
            expected.output() + expectedTwo.output());
        pairs++;
      }
      for (int absent : ABSENT) {
        if (fst.findTargetArc(absent, expected, new FST.Arc<>(), reader) == null) {
          assertThat(cached.follow(1, one, absent, new FST.Arc<>())).isEqualTo(FirstArcs.NONE);
        }
      }
    }
    assertThat(pairs).isGreaterThan(1000);
    // the third level is the FST's own
    assertThat(cached.follow(2, 'a', 'b', new FST.Arc<>())).isEqualTo(FirstArcs.UNKNOWN);
  }

  private static void assertSame(
      FST.Arc<Long> got, long gotOutput, FST.Arc<Long> expected, long expectedOutput) {
    assertThat(gotOutput).isEqualTo(expectedOutput);
    assertThat(got.label()).isEqualTo(expected.label());
    assertThat(got.target()).isEqualTo(expected.target());
    assertThat(got.isFinal()).isEqualTo(expected.isFinal());
    assertThat(got.nextFinalOutput()).isEqualTo(expected.nextFinalOutput());
  }

  private static java.util.List<Integer> secondLabels(
      FST<Long> fst, FST.Arc<Long> from, FST.BytesReader reader) throws IOException {
    java.util.List<Integer> labels = new java.util.ArrayList<>();
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
