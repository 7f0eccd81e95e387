package dev.parapet.detect.pii;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import dev.parapet.text.NormalizedText;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RequiredLiteralTest {

  @Test
  void readsTheLongestPlainRun() {
    assertThat(RequiredLiteral.of("\\bEMP-[0-9]{6}\\b"))
        .isEqualTo(new RequiredLiteral("EMP-", false));
    assertThat(RequiredLiteral.of("PRJ\\.[A-Z]{2}-ACCOUNT\\d+"))
        .isEqualTo(new RequiredLiteral("-ACCOUNT", false));
    assertThat(RequiredLiteral.of("(?i)badge\\s*#?\\d{5}"))
        .isEqualTo(new RequiredLiteral("badge", true));
  }

  @Test
  void leavesOutWhatMayBeAbsent() {
    assertThat(RequiredLiteral.of("ABCD?E")).isEqualTo(new RequiredLiteral("ABC", false));
    assertThat(RequiredLiteral.of("XY{0,3}Z")).isNull(); // "X" and "Z" are too short alone
    assertThat(RequiredLiteral.of("MRN(-LONG)?[0-9]+"))
        .isEqualTo(new RequiredLiteral("MRN", false));
    assertThat(RequiredLiteral.of("AB+CD")).isEqualTo(new RequiredLiteral("AB", false));
  }

  @Test
  void namesNothingWhenUnsure() {
    assertThat(RequiredLiteral.of("EMP-\\d+|STAFF-\\d+")).isNull();
    assertThat(RequiredLiteral.of("\\x41BC-\\d+")).isNull();
    assertThat(RequiredLiteral.of("\\QA.B\\E\\d+")).isNull();
    assertThat(RequiredLiteral.of("ab(?i)CDEF")).isNull();
    assertThat(RequiredLiteral.of("(?i)desk-\\d+")).isNull(); // K and S fold beyond ASCII
    assertThat(RequiredLiteral.of("[0-9]{9}")).isNull();
  }

  /** Soundness: whenever the pattern matches, the literal is in the text. */
  @Property(tries = 10000)
  void aMatchAlwaysContainsTheLiteral(
      @ForAll("patterns") String regex, @ForAll("texts") String text) {
    RequiredLiteral literal = RequiredLiteral.of(regex);
    if (literal != null && Pattern.compile(regex).matcher(text).find()) {
      assertThat(literal.mayMatch(text, NormalizedText.asciiLower(text)))
          .as("/%s/ matches %s but %s is not in it", regex, text, literal)
          .isTrue();
    }
  }

  @Provide
  Arbitrary<String> patterns() {
    Arbitrary<String> atom =
        Arbitraries.of(
            "A", "B", "C", "a", "b", "-", "\\.", "\\-", "[0-9]", "[AB]", "\\d", ".", "(AB|C)",
            "(?:BA)", "\\b", "^", "[]A]", "[^A]");
    Arbitrary<String> quantifier =
        Arbitraries.of("", "", "", "?", "*", "+", "{2}", "{0,2}", "{1,}", "??");
    Arbitrary<String> piece = Combinators.combine(atom, quantifier).as((a, q) -> a + q);
    Arbitrary<String> body = piece.list().ofMinSize(1).ofMaxSize(8).map(l -> String.join("", l));
    return Combinators.combine(Arbitraries.of("", "", "(?i)"), body, Arbitraries.of("", "", "|C"))
        .as((flag, b, alt) -> flag + b + alt)
        .filter(
            p -> {
              try {
                Pattern.compile(p);
                return true;
              } catch (RuntimeException e) {
                return false;
              }
            });
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("ABCabc-.09 ]").ofMinLength(0).ofMaxLength(24);
  }
}
