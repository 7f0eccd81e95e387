package dev.parapet.detect.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CandidatesTest {

  @Test
  void phoneNumbersCardsAndReferencesAreRunsWithoutTheirTrailingPunctuation() {
    String text = "Call +44 (0) 20 7946 0958, card 4111-1111-1111-1111. Ref AB12-CD34/5.";

    List<String> runs = Candidates.of(text).stream().map(r -> text.substring(r[0], r[1])).toList();

    assertThat(runs).containsExactly("+44 (0) 20 7946 0958", "4111-1111-1111-1111", "AB12-CD34/5");
  }

  @Provide
  Arbitrary<String> identifierLikeText() {
    return Arbitraries.strings().withChars("0123456789aZ +-./()x,é中").ofMaxLength(80);
  }

  /** The kinds gathered while scanning are those of exactly the chars the run keeps. */
  @Property(tries = 3000)
  void eachRunCarriesTheKindsOfItsOwnChars(@ForAll("identifierLikeText") String text) {
    for (int[] run : Candidates.of(text)) {
      assertThat(run[2])
          .as("kinds of \"%s\"", text.substring(run[0], run[1]))
          .isEqualTo(ShapeBounds.kindsOf(text, run[0], run[1]));
    }
  }
}
