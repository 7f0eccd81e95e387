package dev.parapet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagSetTest {

  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  private static TagSet of(List<String> rules, List<String> types) {
    return TagSet.of(AuditStores.withTags("block", "default", rules, types, T0));
  }

  @Test
  void theSameRulesAndTypesInAnyOrderOrRepeatedNameOneSet() {
    TagSet set = of(List.of("a", "b"), List.of("X", "Y"));
    assertThat(of(List.of("b", "a", "a"), List.of("Y", "X", "Y"))).isEqualTo(set);
    assertThat(set.rules()).containsExactly("a", "b");
    assertThat(set.types()).containsExactly("X", "Y");
    assertThat(set.id()).hasSize(64);
  }

  @Test
  void setsThatDifferNameDifferentSets() {
    List<TagSet> sets =
        List.of(
            of(List.of("a", "b"), List.of()),
            of(List.of("ab"), List.of()),
            // a rule name that spells out what two rules would be written as
            of(List.of("arule:1:b"), List.of()),
            of(List.of("arule:b"), List.of()),
            of(List.of("a" + "rule:1:" + "b"), List.of("T")),
            of(List.of("a"), List.of()),
            of(List.of(), List.of("a")),
            of(List.of("a"), List.of("b")),
            of(List.of("a", "b"), List.of("b")));
    assertThat(sets.stream().map(TagSet::id).distinct()).hasSameSizeAs(sets);
  }

  @Test
  void aRecordWithoutRulesOrFindingsHasNoSet() {
    assertThat(of(List.of(), List.of())).isNull();
  }
}
