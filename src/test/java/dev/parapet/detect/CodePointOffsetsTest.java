package dev.parapet.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.model.CheckContext;
import dev.parapet.model.Stage;
import dev.parapet.text.Normalizer;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CodePointOffsetsTest {

  private static DetectorInput input(String text) {
    return new DetectorInput(
        new Normalizer().normalize(text),
        new CheckContext(Stage.INPUT, "default", "", Map.of(), text.length()));
  }

  @Test
  void aCharAfterASurrogatePairIsOneCodePointCloser() {
    CodePointOffsets offsets = CodePointOffsets.of(input("a😀b"));

    assertThat(offsets.at(0)).isZero();
    assertThat(offsets.at(1)).isEqualTo(1);
    assertThat(offsets.at(3)).isEqualTo(2);
    assertThat(offsets.at(4)).isEqualTo(3);
  }

  @Test
  void loneSurrogatesCountAsOneCodePointEach() {
    CodePointOffsets offsets = CodePointOffsets.of(input("a\udc00\ud800b"));

    assertThat(offsets.at(3)).isEqualTo(3);
    assertThat(offsets.at(4)).isEqualTo(4);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(6),
            Arbitraries.of("😀", "\ud800", "\udc00", "ｂ", "\u200b", "x", " "))
        .list()
        .ofMaxSize(20)
        .map(parts -> String.join("", parts));
  }

  /** The shortcut through the normalized view's code point count agrees with a full scan. */
  @Property(tries = 1000)
  void theInputsOffsetsAreTheTextsOffsets(@ForAll("texts") String text) {
    CodePointOffsets fromInput = CodePointOffsets.of(input(text));
    CodePointOffsets scanned = CodePointOffsets.of(text);
    for (int i = 0; i <= text.length(); i++) {
      assertThat(fromInput.at(i)).as("offset of char %d", i).isEqualTo(scanned.at(i));
    }
  }
}
