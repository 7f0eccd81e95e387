package dev.parapet.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SpanSetTest {

  @Test
  void answersOverlapsAgainstMergedSpans() {
    SpanSet set = new SpanSet();
    set.add(10, 20);
    set.add(30, 40);
    assertThat(set.overlaps(0, 10)).isFalse();
    assertThat(set.overlaps(19, 21)).isTrue();
    assertThat(set.overlaps(20, 30)).isFalse();
    assertThat(set.overlaps(35, 36)).isTrue();
    set.add(15, 35); // joins both
    assertThat(set.overlaps(25, 26)).isTrue();
    assertThat(set.overlaps(40, 50)).isFalse();
    set.add(5, 60);
    assertThat(set.overlaps(55, 56)).isTrue();
    assertThat(set.overlaps(60, 70)).isFalse();
  }

  /**
   * Spans added in any order, front to back as detectors mostly do or not, answer every question as
   * a plain list of the added spans does.
   */
  @Property(tries = 2000)
  void answersAsTheListOfAddedSpansDoes(
      @ForAll @Size(max = 12) List<@IntRange(max = 60) Integer> starts,
      @ForAll @Size(max = 12) List<@IntRange(min = 1, max = 8) Integer> lengths,
      @ForAll boolean frontToBack) {
    SpanSet set = new SpanSet();
    List<int[]> added = new ArrayList<>();
    List<Integer> order = new ArrayList<>(starts);
    if (frontToBack) {
      order.sort(null);
    }
    for (int i = 0; i < order.size(); i++) {
      int start = order.get(i);
      int end = start + (i < lengths.size() ? lengths.get(i) : 1);
      set.add(start, end);
      added.add(new int[] {start, end});
      for (int from = 0; from < 72; from++) {
        for (int to = from + 1; to <= Math.min(72, from + 10); to++) {
          boolean expected = false;
          for (int[] span : added) {
            expected |= span[0] < to && from < span[1];
          }
          assertThat(set.overlaps(from, to))
              .as("[%d, %d) after %d spans", from, to, i + 1)
              .isEqualTo(expected);
        }
      }
    }
  }
}
