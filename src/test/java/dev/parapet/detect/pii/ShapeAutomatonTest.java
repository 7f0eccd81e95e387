package dev.parapet.detect.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** A shape's automaton must accept exactly the whole matches of its regex. */
class ShapeAutomatonTest {

  @Test
  void everyBuiltInShapeGetsAnAutomaton() {
    for (Recognizer r : BuiltInRecognizers.ALL) {
      assertThat(ShapeAutomaton.of(ShapeBounds.parse(r.shape().pattern())))
          .as(r.name())
          .isNotNull();
    }
  }

  @Test
  void aShapeOutsideThePlainSubsetHasNone() {
    assertThat(ShapeAutomaton.of(ShapeBounds.parse("a(?=b)"))).isNull();
    assertThat(ShapeAutomaton.of(null)).isNull();
  }

  @Test
  void matchesOnlyTheWholeRegion() {
    ShapeAutomaton phone =
        ShapeAutomaton.of(ShapeBounds.parse("\\+[1-9]\\d{0,3}(?:[ .-]?\\(?\\d{1,4}\\)?){2,5}"));
    String text = "call +44 (0) 20 now";
    assertThat(phone.matches(text, 5, 15)).isTrue();
    assertThat(phone.matches(text, 5, 14)).isTrue(); // "+44 (0) 2" is a shorter phone
    assertThat(phone.matches(text, 4, 15)).isFalse();
    assertThat(phone.matches(text, 5, 16)).isFalse();
    assertThat(phone.matches(text, 5, 5)).isFalse();
  }

  @Test
  void charsBeyondAsciiNeverMatch() {
    ShapeAutomaton digits = ShapeAutomaton.of(ShapeBounds.parse("\\d{3}"));
    assertThat(digits.matches("１２３", 0, 3)).isFalse();
    assertThat(digits.matches("123", 0, 3)).isTrue();
  }

  /** Spelled strings of a built-in shape, and edits of them, are judged as the regex judges. */
  @Property(tries = 3000)
  void agreesWithTheRegexOnEveryBuiltInShape(
      @ForAll("builtInShapes") String regex, @ForAll long seed) {
    assertAgrees(regex, seed);
  }

  /** The same over random patterns of the subset; patterns outside it get no automaton. */
  @Property(tries = 5000)
  void agreesWithTheRegexOnPlainPatterns(@ForAll("patterns") String regex, @ForAll long seed) {
    if (ShapeBounds.parse(regex) == null) {
      assertThat(ShapeAutomaton.of(null)).isNull();
      return;
    }
    assertAgrees(regex, seed);
  }

  private static void assertAgrees(String regex, long seed) {
    Pattern shape = Pattern.compile(regex);
    ShapeBounds.Node tree = ShapeBounds.parse(regex);
    ShapeAutomaton automaton = ShapeAutomaton.of(tree);
    assertThat(automaton).as(regex).isNotNull();
    Random random = new Random(seed);
    String text = ShapeBoundsTest.spell(tree, random);
    for (int i = 0; i < 30; i++) {
      // framed, so the region and not the whole string is what must match
      String framed = "(" + text + ")";
      assertThat(automaton.matches(framed, 1, framed.length() - 1))
          .as("/%s/ on \"%s\"", regex, text)
          .isEqualTo(shape.matcher(text).matches());
      text = ShapeBoundsTest.edit(text, random);
    }
  }

  @Provide
  Arbitrary<String> builtInShapes() {
    return Arbitraries.of(BuiltInRecognizers.ALL.stream().map(r -> r.shape().pattern()).toList());
  }

  @Provide
  Arbitrary<String> patterns() {
    return ShapeBoundsTest.plainPatterns();
  }
}
