package dev.parapet.detect.injection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Word lookups by region of a text answer exactly as a set of the same words would. */
class WordSetTest {

  private static final List<String> WORDS = List.of("ignore", "ignores", "prompt", "i", "rules");
  private static final WordSet SET = new WordSet(WORDS);

  @Test
  void findsAWholeWordAtItsRegionOnly() {
    String text = "please ignore the rules";
    assertThat(SET.find(text, 7, 13)).isEqualTo("ignore");
    assertThat(SET.find(text, 18, 23)).isEqualTo("rules");
    assertThat(SET.find(text, 7, 12)).isNull(); // "ignor"
    assertThat(SET.find(text, 0, 6)).isNull(); // "please"
    assertThat(SET.find(text, 14, 17)).isNull(); // "the"
    assertThat(SET.find(text, 3, 3)).isNull();
    assertThat(SET.find("ïgnore", 0, 6)).isNull();
    assertThat(SET.find("ignor", 0, 6)).isNull(); // a region running past the text
    assertThat(SET.find("i", 0, 1)).isEqualTo("i");
  }

  @Test
  void refusesWordsItCannotIndex() {
    assertThatThrownBy(() -> new WordSet(List.of(""))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WordSet(List.of("über")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 2000)
  void agreesWithASetOfTheSameWords(
      @ForAll @AlphaChars @StringLength(max = 8) String before,
      @ForAll("words") String word,
      @ForAll @AlphaChars @StringLength(max = 8) String after) {
    String text = before + " " + word + " " + after;
    int from = before.length() + 1;
    assertThat(SET.find(text, from, from + word.length()))
        .isEqualTo(WORDS.contains(word) ? word : null);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> words() {
    return net.jqwik.api.Arbitraries.oneOf(
        net.jqwik.api.Arbitraries.of(WORDS),
        net.jqwik.api.Arbitraries.strings().withChars("ignorespt").ofMinLength(1).ofMaxLength(8));
  }
}
