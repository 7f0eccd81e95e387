package dev.parapet.detect.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.detect.DetectorInput;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.Stage;
import dev.parapet.text.Normalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconDetectorTest {

  @TempDir Path dir;

  @Test
  void termsThatMatchTheSameSpanGiveOneFindingPerOccurrence() throws IOException {
    Files.writeString(dir.resolve("weapons-en.yaml"), "category: weapons\nseverity: high\n");
    // three spellings that normalize alike: each occurrence matches all of them
    Files.writeString(dir.resolve("weapons-en.txt"), "bomb\nb0mb\nBOMB\n");
    LexiconSet set = LexiconSet.load(dir, new Normalizer(), Clock.systemUTC());

    List<Finding> found = detect(set, "a bomb here, a b0mb there, and b o m b");

    assertThat(found).extracting(Finding::start).containsExactly(2, 15, 31);
    assertThat(found).extracting(Finding::type).containsOnly("WEAPONS");
  }

  private static List<Finding> detect(LexiconSet set, String text) {
    Normalizer normalizer = new Normalizer();
    return set.detector()
        .detect(
            new DetectorInput(
                normalizer.normalize(text),
                new CheckContext(
                    Stage.INPUT, "default", "", Map.of(), text.codePointCount(0, text.length()))));
  }
}
