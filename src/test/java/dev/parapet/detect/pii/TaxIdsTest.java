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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tax and business numbers of {@link TaxIds} beside the look-alikes of ordinary text: a bare
 * run with one check digit is nobody's without its label, and the issuer's separator layout with a
 * wrong check is not reported.
 */
class TaxIdsTest {

  private static PiiDetector detector;
  private static final Normalizer NORMALIZER = new Normalizer();

  @BeforeAll
  static void load() {
    detector = PiiDetector.load(Path.of("rules"));
  }

  @Test
  void aWellKnownInnPassesAndAChangedDigitFails() {
    assertThat(TaxIds.ruInn("7707083893")).isTrue(); // Sberbank's, printed on its statements
    assertThat(TaxIds.ruInn("7707083894")).isFalse();
    assertThat(TaxIds.ruInn("77070838")).isFalse();
  }

  @Test
  void aTenDigitTaxNumberNeedsItsLabel() {
    assertThat(types("Tracking 7707083893 arrives Monday.")).doesNotContain("RU_INN");
    assertThat(types("ИНН 7707083893")).containsExactly("RU_INN");
    assertThat(types("Sberbank, INN 7707083893, KPP 773601001")).contains("RU_INN");
  }

  @Test
  void aVietnameseBranchZeroIsNoTaxCode() {
    String head = completeLast("031440905?", TaxIds::vnMst);
    assertThat(TaxIds.vnMst(head + "001")).isTrue();
    assertThat(TaxIds.vnMst(head + "000")).isFalse();
  }

  @Test
  void ghanaTinTakesXForTen() {
    String withX = null;
    for (int n = 0; n < 1000 && withX == null; n++) {
      String body = String.format(java.util.Locale.ROOT, "C000%06d", n);
      if (TaxIds.ghTin(body + "X")) {
        withX = body + "X";
      }
    }
    assertThat(withX).isNotNull();
    assertThat(TaxIds.ghTin(withX.substring(0, 10) + "0")).isFalse();
    assertThat(TaxIds.ghTin("A" + withX.substring(1))).isFalse(); // not a TIN's first letter
  }

  @Test
  void versionsDatesAndWrongChecksInAnIssuersLayoutAreNotReported() {
    String nit = completeLast("0614-050707-104-?", s -> TaxIds.svNit(Checksums.digits(s)));
    String wrong =
        nit.substring(0, nit.length() - 1) + ((nit.charAt(nit.length() - 1) - '0' + 1) % 10);

    assertThat(types("NIT " + nit)).containsExactly("SV_NIT");
    assertThat(types("NIT " + wrong)).isEmpty();
    assertThat(types("Build 10.0.19041.1 released on 2024-01-05")).isEmpty();
    assertThat(types("Meeting 2024-03-15 10:30, room 4-101")).isEmpty();
  }

  @Test
  void anEcuadorianRucIsReportedBareOnlyForTheHeadOffice() {
    String company = completeLast("179000000?", s -> TaxIds.ecRuc(s + "001"));

    assertThat(types("Saved " + company + "001 today.")).containsExactly("EC_RUC");
    assertThat(types("Saved " + company + "002 today.")).doesNotContain("EC_RUC");
    assertThat(types("RUC " + company + "002")).containsExactly("EC_RUC");
    assertThat(TaxIds.ecRuc(company + "000")).isFalse();
  }

  @Test
  void aMauritianNidNeedsARealBirthDate() {
    String valid = null;
    String base = "K150688123456";
    for (char c : "0123456789ABCDEFG".toCharArray()) {
      if (TaxIds.muNid(base + c)) {
        valid = base + c;
      }
    }
    assertThat(valid).isNotNull();
    assertThat(TaxIds.muNid("K320688123456" + valid.charAt(13))).isFalse(); // no 32nd
    assertThat(types("Saved " + valid + " today.")).containsExactly("MU_NID");
  }

  /** {@code template} with its one {@code ?} replaced by the digit the check takes. */
  private static String completeLast(String template, java.util.function.Predicate<String> check) {
    for (char c = '0'; c <= '9'; c++) {
      String v = template.replace('?', c);
      if (check.test(v)) {
        return v;
      }
    }
    throw new AssertionError("no digit completes " + template);
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
