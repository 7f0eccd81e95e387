package dev.parapet.detect.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.detect.NextChars;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The first-character filter in front of the built-in shapes may skip only hopeless candidates. */
class FirstCharactersTest {

  @Test
  void readsTheStartOfABuiltInShape() {
    Recognizer ssn =
        BuiltInRecognizers.ALL.stream()
            .filter(r -> r.type().equals("US_SSN"))
            .findFirst()
            .orElseThrow();
    boolean[] can = NextChars.after(ssn.shape(), "");
    assertThat(can['5']).isTrue();
    assertThat(can['x']).isFalse();
  }

  @Test
  void everyBuiltInShapeAcceptsTheFirstCharacterOfItsOwnExamples() {
    // runs of one digit: the commonest start of a candidate
    for (Recognizer r : BuiltInRecognizers.ALL) {
      boolean[] can = NextChars.after(r.shape(), "");
      for (char c = '0'; c <= '9'; c++) {
        String digits = String.valueOf(c).repeat(20);
        for (int n = 1; n <= digits.length(); n++) {
          if (r.shape().matcher(digits.substring(0, n)).matches()) {
            assertThat(can[c]).as("%s starting with %s", r.name(), c).isTrue();
          }
        }
      }
    }
  }

  /** Soundness: whatever a shape matches starts with a character the filter lets through. */
  @Property(tries = 5000)
  void aMatchAlwaysStartsWithAnAllowedCharacter(
      @ForAll("patterns") String regex, @ForAll("texts") String text) {
    Pattern shape = Pattern.compile(regex);
    if (!text.isEmpty() && text.charAt(0) < 128 && shape.matcher(text).matches()) {
      assertThat(NextChars.after(shape, "")[text.charAt(0)])
          .as("/%s/ matches %s", regex, text)
          .isTrue();
    }
  }

  @Provide
  Arbitrary<String> patterns() {
    Arbitrary<String> atom =
        Arbitraries.of(
            "A", "b", "1", "-", "\\d", "[A-C]", "[^1]", ".", "(?:1|A)", "\\b", "^", "$", "(?=1)",
            "(?!A)", "(?<=1)", "(?i:a)");
    Arbitrary<String> quantifier = Arbitraries.of("", "", "?", "*", "+", "{2}", "{0,2}");
    return Combinators.combine(atom, quantifier)
        .as(
            (a, q) ->
                a.startsWith("(?") || a.equals("\\b") || a.equals("^") || a.equals("$") ? a : a + q)
        .list()
        .ofMinSize(1)
        .ofMaxSize(6)
        .map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("Aab1-C ").ofMinLength(1).ofMaxLength(8);
  }
}
