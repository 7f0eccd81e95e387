package dev.parapet.detect.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInShapesTest {

  @Test
  void aReloadReusesTheShapesTheFirstLoadCompiled() {
    PiiDetector first = PiiDetector.load(Path.of("rules"));
    PiiDetector reloaded = PiiDetector.load(Path.of("rules"));

    assertThat(reloaded.builtInShapes()).isSameAs(first.builtInShapes());
  }

  @Test
  void everyBuiltInShapeRunsAsAnAutomatonSoNoMatcherIsMade() {
    BuiltInShapes shapes = BuiltInShapes.get();

    assertThat(shapes.count()).isEqualTo(BuiltInRecognizers.ALL.size());
    assertThat(shapes.automata).doesNotContainNull();
    assertThat(shapes.matchers()).containsOnlyNulls();
  }

  @Test
  void aCandidateIsHeldOnlyAgainstShapesThatCanStartWithItsFirstCharAndSpanItsLength() {
    BuiltInShapes shapes = BuiltInShapes.get();
    List<String> forCard = names(shapes, shapes.worthTrying('4', "4111 1111 1111 1111".length()));
    List<String> forLetterX = names(shapes, shapes.worthTrying('x', 12));

    assertThat(forCard).contains("credit-card").doesNotContain("eth-address", "in-pan");
    assertThat(forLetterX).doesNotContain("credit-card", "eth-address");
    assertThat(shapes.worthTrying('中', 12)).hasSize(shapes.count());
  }

  private static List<String> names(BuiltInShapes shapes, int[] indexes) {
    return Arrays.stream(indexes).mapToObj(i -> shapes.recognizers.get(i).name()).toList();
  }
}
