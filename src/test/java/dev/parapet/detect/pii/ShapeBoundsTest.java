package dev.parapet.detect.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The length and character filter in front of the built-in shapes may skip only hopeless runs. */
class ShapeBoundsTest {

  private static final String EDIT_CHARS = "0123456789aqXZ -./+()_";

  @Test
  void everyBuiltInShapeIsReadSoItsFilterWorks() {
    for (Recognizer r : BuiltInRecognizers.ALL) {
      assertThat(ShapeBounds.parse(r.shape().pattern())).as(r.name()).isNotNull();
    }
  }

  @Test
  void boundsOfASocialSecurityNumber() {
    ShapeBounds ssn = ShapeBounds.of("\\d{3}-\\d{2}-\\d{4}|\\d{3} \\d{2} \\d{4}");
    assertThat(ssn)
        .isEqualTo(
            new ShapeBounds(11, 11, ShapeBounds.DIGIT | ShapeBounds.DASH | ShapeBounds.SPACE));
    assertThat(ssn.admits(11, ShapeBounds.DIGIT | ShapeBounds.DASH)).isTrue();
    assertThat(ssn.admits(11, ShapeBounds.DIGIT | ShapeBounds.LOWER)).isFalse();
    assertThat(ssn.admits(12, ShapeBounds.DIGIT)).isFalse();
  }

  @Test
  void boundsOfRepeatsAndOptionalParts() {
    assertThat(ShapeBounds.of("(?:IT)?\\d{11}"))
        .isEqualTo(new ShapeBounds(11, 13, ShapeBounds.DIGIT | ShapeBounds.UPPER));
    assertThat(ShapeBounds.of("[-+A-Fa-f]\\d+"))
        .isEqualTo(
            new ShapeBounds(
                2,
                ShapeBounds.UNBOUNDED,
                ShapeBounds.DASH
                    | ShapeBounds.PLUS
                    | ShapeBounds.UPPER
                    | ShapeBounds.LOWER
                    | ShapeBounds.DIGIT));
    assertThat(ShapeBounds.of("\\(?\\d{3}\\)?[ .-]?x{0}"))
        .isEqualTo(
            new ShapeBounds(
                3,
                6,
                ShapeBounds.OPEN
                    | ShapeBounds.CLOSE
                    | ShapeBounds.DIGIT
                    | ShapeBounds.SPACE
                    | ShapeBounds.DOT
                    | ShapeBounds.DASH));
  }

  @Test
  void syntaxOutsideThePlainSubsetSkipsNothing() {
    for (String regex :
        List.of(
            "(?i)abc", "a(?=b)", "\\w+", "[^a]b", "a.c", "\\bx", "a{2}{3}", "[]a]", "[\\d-z]", "x)",
            "(ab", "é")) {
      assertThat(ShapeBounds.of(regex)).as(regex).isEqualTo(ShapeBounds.ANY);
    }
    assertThat(ShapeBounds.ANY.admits(500, ShapeBounds.OTHER | ShapeBounds.DIGIT)).isTrue();
  }

  /**
   * Strings spelled from a built-in shape's tree match the shape: the reader sees the same shape as
   * {@code java.util.regex}; and they, and every edit of them the shape still matches, pass the
   * filter.
   */
  @Property(tries = 3000)
  void everyMatchOfABuiltInShapeIsAdmitted(
      @ForAll("builtInShapes") String regex, @ForAll long seed) {
    Pattern shape = Pattern.compile(regex);
    ShapeBounds.Node tree = ShapeBounds.parse(regex);
    ShapeBounds bounds = ShapeBounds.of(regex);
    Random random = new Random(seed);
    String spelled = spell(tree, random);
    assertThat(shape.matcher(spelled).matches()).as("/%s/ spelled %s", regex, spelled).isTrue();
    assertAdmitted(bounds, regex, spelled);
    for (int i = 0; i < 20; i++) {
      String edited = edit(spelled, random);
      if (shape.matcher(edited).matches()) {
        assertAdmitted(bounds, regex, edited);
      }
    }
  }

  /** The same soundness over random patterns of the subset and its edges. */
  @Property(tries = 5000)
  void everyMatchOfAPlainPatternIsAdmitted(@ForAll("patterns") String regex, @ForAll long seed) {
    Pattern shape = Pattern.compile(regex);
    ShapeBounds bounds = ShapeBounds.of(regex);
    ShapeBounds.Node tree = ShapeBounds.parse(regex);
    Random random = new Random(seed);
    String start = tree == null ? "" : spell(tree, random);
    if (tree != null) {
      assertThat(shape.matcher(start).matches()).as("/%s/ spelled %s", regex, start).isTrue();
    }
    for (int i = 0; i < 20; i++) {
      String edited = edit(start, random);
      if (shape.matcher(edited).matches()) {
        assertAdmitted(bounds, regex, edited);
      }
    }
  }

  private static void assertAdmitted(ShapeBounds bounds, String regex, String match) {
    assertThat(bounds.admits(match.length(), ShapeBounds.kindsOf(match, 0, match.length())))
        .as("/%s/ matches \"%s\" but %s skips it", regex, match, bounds)
        .isTrue();
  }

  @Provide
  Arbitrary<String> builtInShapes() {
    return Arbitraries.of(BuiltInRecognizers.ALL.stream().map(r -> r.shape().pattern()).toList());
  }

  /** Patterns of the plain subset and just outside it; shared with {@link ShapeAutomatonTest}. */
  static Arbitrary<String> plainPatterns() {
    Arbitrary<String> atom =
        Arbitraries.of(
            "A",
            "b",
            "1",
            "-",
            " ",
            "\\.",
            "\\+",
            "\\(",
            "\\d",
            "[A-C]",
            "[ -]",
            "[-+a]",
            "[\\dX]",
            "[x-z9]",
            "(?:1|A)",
            "(?:a|)",
            "(?:\\d{2}[ ./]?)",
            "|",
            "[^1]",
            ".",
            "(?i:a)");
    Arbitrary<String> quantifier =
        Arbitraries.of("", "", "?", "*", "+", "{2}", "{0,2}", "{1,}", "??", "*+", "{0}");
    return Combinators.combine(atom, quantifier)
        .as((a, q) -> a.equals("|") ? a : a + q)
        .list()
        .ofMinSize(1)
        .ofMaxSize(6)
        .map(l -> String.join("", l))
        .filter(ShapeBoundsTest::compiles);
  }

  @Provide
  Arbitrary<String> patterns() {
    return plainPatterns();
  }

  private static boolean compiles(String regex) {
    try {
      Pattern.compile(regex);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** A random string the tree accepts; open repeats stop after a few rounds. */
  static String spell(ShapeBounds.Node node, Random random) {
    StringBuilder out = new StringBuilder();
    spell(node, random, out);
    return out.toString();
  }

  private static void spell(ShapeBounds.Node node, Random random, StringBuilder out) {
    if (node instanceof ShapeBounds.OneOf one) {
      List<Character> chars = new ArrayList<>();
      for (char c = 0; c < 128; c++) {
        if (one.chars()[c]) {
          chars.add(c);
        }
      }
      out.append(chars.get(random.nextInt(chars.size())));
    } else if (node instanceof ShapeBounds.Sequence seq) {
      seq.parts().forEach(p -> spell(p, random, out));
    } else if (node instanceof ShapeBounds.Either either) {
      spell(either.choices().get(random.nextInt(either.choices().size())), random, out);
    } else if (node instanceof ShapeBounds.Repeat repeat) {
      int max = repeat.max() == ShapeBounds.UNBOUNDED ? repeat.min() + 4 : repeat.max();
      int times = repeat.min() + random.nextInt(max - repeat.min() + 1);
      for (int i = 0; i < times; i++) {
        spell(repeat.body(), random, out);
      }
    }
  }

  /** Replaces, inserts or deletes one character. */
  static String edit(String s, Random random) {
    StringBuilder out = new StringBuilder(s);
    char c = EDIT_CHARS.charAt(random.nextInt(EDIT_CHARS.length()));
    int kind = s.isEmpty() ? 1 : random.nextInt(3);
    int at = random.nextInt(s.length() + (kind == 1 ? 1 : 0));
    switch (kind) {
      case 0 -> out.setCharAt(at, c);
      case 1 -> out.insert(at, c);
      default -> out.deleteCharAt(at);
    }
    return out.toString();
  }
}
