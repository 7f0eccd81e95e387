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

  @Test
  void aDisguisedTermSaysViaWhichNormalizationsItWasFound() throws IOException {
    LexiconSet set = profanity("idiot\n");

    assertThat(detect(set, "you idiot").get(0).via()).isEmpty();
    assertThat(detect(set, "you IDIOT").get(0).via()).isEmpty();
    assertThat(detect(set, "you \u0456d\u0456\u043et").get(0).via()).containsExactly("confusable");
    assertThat(detect(set, "you i*d.i_o-t").get(0).via()).containsExactly("separators");
    assertThat(detect(set, "you ! d ! 0 +").get(0).via()).containsExactly("leet", "separators");
    assertThat(detect(set, "you <b>i</b>diot").get(0).via()).containsExactly("markup");
    assertThat(detect(set, "you iiddiioott").get(0).via()).containsExactly("doubling");
    assertThat(detect(set, "you idiooooot").get(0).via()).containsExactly("stretch");
    assertThat(detect(set, "you id\u200biot").get(0).via()).containsExactly("invisible");
  }

  @Test
  void aDisguisedTermIsReportedAtItsSpanInTheTextAsSent() throws IOException {
    LexiconSet set = profanity("idiot\n");

    Finding found =
        detect(set, "so \ud83d\ude00 \u0456\ud83d\udd25d\ud83d\udd25i\ud83d\udd25o\ud83d\udd25t!")
            .get(0);

    assertThat(found.start()).isEqualTo(5);
    assertThat(found.end()).isEqualTo(14);
    assertThat(found.via()).containsExactly("separators", "confusable");
  }

  @Test
  void oneDoubledLetterMatchesOnlyALongTerm() throws IOException {
    LexiconSet set = profanity("idiot\ngod\n");

    assertThat(detect(set, "you iddiot")).hasSize(1);
    assertThat(detect(set, "a good day")).isEmpty();
  }

  @Test
  void aTermThatDoublesALetterIsNotReadIntoAWordThatDoublesAnother() throws IOException {
    LexiconSet set = profanity("asses\n");

    assertThat(detect(set, "assess the risk today")).isEmpty();
    assertThat(detect(set, "aasssseess")).hasSize(1);
  }

  @Test
  void aTermInEitherChineseScriptMatchesTheOther() throws IOException {
    LexiconSet set = profanity("他妈的\n王八蛋\n");
    LexiconSet traditional = profanity("王八蛋\n他媽的\n");

    Finding found = detect(set, "你這個他媽的混蛋").get(0);
    assertThat(found.start()).isEqualTo(3);
    assertThat(found.end()).isEqualTo(6);
    assertThat(found.via()).containsExactly("traditional");
    assertThat(detect(traditional, "你这个他妈的").get(0).via()).isEmpty();
    assertThat(detect(traditional, "你這個他媽的").get(0).via()).isEmpty();
  }

  @Test
  void aTermInsideALongerTermOfTheSameLexiconIsReportedOnceAsTheLonger() throws IOException {
    LexiconSet set = profanity("他妈\n他妈的\n妈的\n");

    assertThat(detect(set, "你這個他媽的混蛋"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.start()).isEqualTo(3);
              assertThat(f.end()).isEqualTo(6);
            });
  }

  @Test
  void aMoreSevereTermInsideALongerOneIsStillReported() throws IOException {
    LexiconSet set = profanity("pipe bomb\npipe bomb kit | severity=low\n");
    Files.writeString(dir.resolve("profanity-en.yaml"), "category: profanity\nseverity: high\n");
    set = LexiconSet.load(dir, new Normalizer(), Clock.systemUTC());

    assertThat(detect(set, "selling a pipe bomb kit today"))
        .extracting(Finding::start, Finding::end)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(10, 19),
            org.assertj.core.groups.Tuple.tuple(10, 23));
  }

  @Test
  void aTermWrittenWithAccentsIsNotDisguisedWhenTheTextHasThemToo() throws IOException {
    LexiconSet set = profanity("cabrón\n");

    assertThat(detect(set, "eres un cabrón").get(0).via()).isEmpty();
    assertThat(detect(set, "eres un cabron").get(0).via()).isEmpty();
  }

  @Test
  void realRussianAndGreekProseGivesNoLatinFindings() throws IOException {
    LexiconSet set = profanity("ass\ncock\nxxx\nbox\nhe\n");

    assertThat(detect(set, "Она сказала, что все мы скоро поедем в Москву на поезде.")).isEmpty();
    assertThat(detect(set, "Ο κόσμος είναι μεγάλος και η θάλασσα είναι βαθιά.")).isEmpty();
    assertThat(detect(set, "Он не хочет есть суп, а ест хлеб с маслом.")).isEmpty();
  }

  private LexiconSet profanity(String terms) throws IOException {
    Files.writeString(dir.resolve("profanity-en.yaml"), "category: profanity\nseverity: low\n");
    Files.writeString(dir.resolve("profanity-en.txt"), terms);
    return LexiconSet.load(dir, new Normalizer(), Clock.systemUTC());
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
