package dev.parapet.detect;

import static org.assertj.core.api.Assertions.assertThat;

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
}
