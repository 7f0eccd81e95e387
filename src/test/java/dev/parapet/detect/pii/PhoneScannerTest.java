package dev.parapet.detect.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.detect.DetectorInput;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.Stage;
import dev.parapet.text.Normalizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhoneScannerTest {

  private final PiiDetector detector =
      PiiDetector.load(Path.of("rules"), Map.of("us-only", List.of("US"), "uk", List.of("GB")));

  private List<String> types(String text, String profile) {
    CheckContext ctx =
        new CheckContext(Stage.INPUT, profile, "", Map.of(), text.codePointCount(0, text.length()));
    return detector.detect(new DetectorInput(new Normalizer().normalize(text), ctx)).stream()
        .map(Finding::type)
        .toList();
  }

  @Test
  void findsNationalNumbersOnlyInTheProfilesRegions() {
    String london = "Ring the office on 020 7946 0958 after nine.";

    assertThat(types(london, "uk")).containsExactly("PHONE_NUMBER");
    assertThat(types(london, "us-only")).isEmpty();
  }

  @Test
  void findsInternationalNumbersWhateverTheRegions() {
    assertThat(types("Call +33 6 12 34 56 78 tonight", "us-only")).containsExactly("PHONE_NUMBER");
  }

  @Test
  void aProfileWithoutRegionsGetsTheDefaultList() {
    assertThat(types("Mein Handy: 0151 23456789", "default")).containsExactly("PHONE_NUMBER");
    assertThat(types("appelez le 06 12 34 56 78", "default")).containsExactly("PHONE_NUMBER");
  }

  @Test
  void bareDigitsAreAPhoneNumberOnlyBesideAWordSayingSo() {
    assertThat(types("Invoice 4155552671 is overdue", "default")).isEmpty();
    assertThat(types("call me at 4155552671", "default")).containsExactly("PHONE_NUMBER");
  }

  @Test
  void numbersGroupedUnlikeAnyPhoneNumberAreNotPhoneNumbers() {
    assertThat(types("the code 912-93-4567 was rejected", "default")).isEmpty();
    assertThat(types("released on 2023-10-05 at noon", "default")).isEmpty();
  }
}
