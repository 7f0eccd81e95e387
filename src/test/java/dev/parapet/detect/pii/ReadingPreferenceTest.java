package dev.parapet.detect.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.detect.DetectorInput;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.Stage;
import dev.parapet.text.Normalizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bare run of digits can pass the checks of several countries. A label or country name nearby
 * names the type; the separators a country prints its numbers with name it next; with neither, the
 * reading of the most populous issuing country wins, the same way every time. The numbers here are
 * searched for (seeded) among those that pass both checks, so each is truly ambiguous.
 */
class ReadingPreferenceTest {

  private static PiiDetector detector;
  private static final Normalizer NORMALIZER = new Normalizer();

  @BeforeAll
  static void load() {
    detector = PiiDetector.load(Path.of("rules"));
  }

  @Test
  void anElevenDigitCuitThatIsAlsoAFodselsnummerIsReadAsACuitWithoutContext() {
    List<String> both = passingBoth("20", 11, "ar-cuit", "no-fodselsnummer", "br-cpf", "tr-kimlik");
    assertThat(both).hasSizeGreaterThanOrEqualTo(5);
    for (String number : both) {
      assertThat(types("Saved " + number + " today.")).as(number).containsExactly("AR_CUIT");
    }
  }

  @Test
  void aLabelOrCountryNameNearbyNamesTheType() {
    String number =
        passingBoth("20", 11, "ar-cuit", "no-fodselsnummer", "br-cpf", "tr-kimlik").get(0);

    assertThat(types("Fødselsnummer: " + number)).containsExactly("NO_FODSELSNUMMER");
    assertThat(types("Her Norwegian ID is " + number + ".")).containsExactly("NO_FODSELSNUMMER");
    assertThat(types("CUIT " + number)).containsExactly("AR_CUIT");
    assertThat(types("Registered in Argentina under " + number)).containsExactly("AR_CUIT");
  }

  @Test
  void theSeparatorsACountryPrintsWithNameTheType() {
    String number =
        passingBoth("20", 11, "ar-cuit", "no-fodselsnummer", "br-cpf", "tr-kimlik").get(0);
    String norwegian = number.substring(0, 6) + " " + number.substring(6);
    String argentine =
        number.substring(0, 2) + "-" + number.substring(2, 10) + "-" + number.charAt(10);

    assertThat(types("Saved " + norwegian + " today.")).containsExactly("NO_FODSELSNUMMER");
    assertThat(types("Saved " + argentine + " today.")).containsExactly("AR_CUIT");
  }

  @Test
  void aCpfThatIsAlsoATurkishIdIsReadAsACpfUnlessKimlikIsSaid() {
    List<String> both = passingBoth("1", 11, "br-cpf", "tr-kimlik");
    assertThat(both).isNotEmpty();
    for (String number : both) {
      assertThat(types("Saved " + number + " today.")).as(number).containsExactly("BR_CPF");
    }
    assertThat(types("T.C. Kimlik No: " + both.get(0))).containsExactly("TR_TCKIMLIK");
  }

  @Test
  void aThirteenDigitSouthAfricanIdThatIsAlsoAKoreanRrnIsReadBySeparatorsAndContext() {
    List<String> both = passingBoth("8", 13, "za-id", "rrn");
    assertThat(both).isNotEmpty();
    String number = both.get(0);
    String korean = number.substring(0, 6) + "-" + number.substring(6);

    assertThat(types("Saved " + number + " today.")).containsExactly("ZA_IDNR");
    assertThat(types("주민등록번호 " + number)).containsExactly("KR_RRN");
    assertThat(types("Saved " + korean + " today.")).containsExactly("KR_RRN");
  }

  /**
   * Up to ten numbers of {@code length} digits starting with {@code prefix} that pass the first two
   * validators and none of the others (readings that would rightly outrank both).
   */
  private static List<String> passingBoth(String prefix, int length, String... validators) {
    Predicate<String> first = Validators.BY_NAME.get(validators[0]);
    Predicate<String> second = Validators.BY_NAME.get(validators[1]);
    Random random = new Random(11);
    List<String> out = new ArrayList<>();
    for (int tries = 0; tries < 3_000_000 && out.size() < 10; tries++) {
      StringBuilder s = new StringBuilder(prefix);
      while (s.length() < length) {
        s.append((char) ('0' + random.nextInt(10)));
      }
      String number = s.toString();
      if (!first.test(number) || !second.test(number)) {
        continue;
      }
      boolean other = false;
      for (int i = 2; i < validators.length; i++) {
        other |= Validators.BY_NAME.get(validators[i]).test(number);
      }
      if (!other) {
        out.add(number);
      }
    }
    return out;
  }

  private static List<String> types(String text) {
    CheckContext ctx = new CheckContext(Stage.INPUT, "default", "", Map.of(), text.length());
    List<String> out = new ArrayList<>();
    for (Finding f : detector.detect(new DetectorInput(NORMALIZER.normalize(text), ctx))) {
      out.add(f.type());
    }
    return out;
  }
}
