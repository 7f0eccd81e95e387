package dev.parapet.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdTest {

  @Test
  void idsAreVersion7UuidsThatSortInTheOrderTheyWereMade() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      ids.add(TimeOrderedId.next());
    }
    assertThat(ids).isSorted().doesNotHaveDuplicates();
    UUID first = UUID.fromString(ids.get(0));
    assertThat(first.version()).isEqualTo(7);
    assertThat(first.variant()).isEqualTo(2);
  }
}
