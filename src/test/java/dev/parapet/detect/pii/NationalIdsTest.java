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
 * The national identifiers beyond the named types. Each case is a number made up here with its
 * check characters left open ({@code ?}): every completion is tried, and the check must accept one
 * (or, for the rules that leave two, at most two) and reject the rest. The accepted one is then
 * looked for in a sentence and must be reported with its type; a rejected one must not be.
 */
class NationalIdsTest {

  private static final String DIGITS = "0123456789";
  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String ALNUM = DIGITS + LETTERS;

  /**
   * @param check the validator by name, or null for a prefixed VAT number (the detector checks it)
   * @param lead words before the number; a context word where the type needs one
   */
  private record Case(
      String check, String type, String template, String alphabet, int most, String lead) {}

  private static final List<Case> CASES =
      List.of(
          new Case("se-personnummer", "SE_PERSONNUMMER", "750612-123?", DIGITS, 1, "Note"),
          new Case("no-fodselsnummer", "NO_FODSELSNUMMER", "120375 312??", DIGITS, 1, "Note"),
          new Case("baltic-personal-code", "EE_IK", "3750612012?", DIGITS, 1, "Note"),
          new Case("bg-egn", "BG_EGN", "750612123?", DIGITS, 1, "Her EGN:"),
          new Case("birth-number", "CZ_RC", "750612/123?", DIGITS, 1, "Note"),
          new Case("ro-cnp", "RO_CNP", "175061240123?", DIGITS, 1, "Note"),
          new Case("si-emso", "SI_EMSO", "120697550012?", DIGITS, 1, "Note"),
          new Case("za-id", "ZA_IDNR", "750612512308?", DIGITS, 1, "Note"),
          new Case("ch-ahv", "CH_SSN", "756.1234.5678.9?", DIGITS, 1, "Note"),
          new Case("fr-nir", "FR_NIR", "1 75 06 75 123 456 ??", DIGITS, 1, "Note"),
          new Case("be-nn", "BE_NN", "75.06.12-123.??", DIGITS, 2, "Note"),
          new Case("tr-kimlik", "TR_TCKIMLIK", "123456789??", DIGITS, 1, "Note"),
          new Case("is-kennitala", "IS_KENNITALA", "120675-12?9", DIGITS, 1, "Note"),
          new Case("gr-amka", "GR_AMKA", "1206751234?", DIGITS, 1, "Note"),
          new Case("de-idnr", "DE_IDNR", "11 345 678 90?", DIGITS, 1, "Note"),
          new Case("br-cpf", "BR_CPF", "123.456.789-??", DIGITS, 1, "Note"),
          new Case("br-cnpj", "BR_CNPJ", "12.345.678/0001-??", DIGITS, 1, "Note"),
          new Case("mx-curp", "MX_CURP", "GOMA750612HDFRRN0?", DIGITS, 1, "Note"),
          new Case("cn-uscc", "CN_USCC", "91110108123456789?", ALNUM, 1, "Note"),
          new Case("in-gstin", "IN_GSTIN", "27ABCPE1234F1Z?", ALNUM, 1, "Note"),
          new Case("ar-cuit", "AR_CUIT", "20-12345678-?", DIGITS, 1, "Note"),
          new Case("cl-rut", "CL_RUT", "12.345.678-?", DIGITS + "K", 1, "Note"),
          new Case("pe-ruc", "PE_RUC", "1012345678?", DIGITS, 1, "RUC"),
          new Case("ve-rif", "VE_RIF", "J-12345678-?", DIGITS, 1, "Note"),
          new Case("kr-brn", "KR_BRN", "123-45-6789?", DIGITS, 1, "Note"),
          new Case("th-pin", "TH_TNIN", "1-2345-67890-12-?", DIGITS, 1, "Note"),
          new Case("ca-bn", "CA_BN", "12345678?RC0001", DIGITS, 1, "Note"),
          new Case("nl-bsn", "NL_BSN", "12345678?", DIGITS, 1, "Her BSN is"),
          new Case("ca-sin", "CA_SIN", "123-456-78?", DIGITS, 1, "His SIN:"),
          new Case("il-id", "IL_IDNR", "12345678?", DIGITS, 1, "Teudat zehut"),
          new Case("pl-regon", "PL_REGON", "12345678?", DIGITS, 1, "REGON"),
          new Case("hr-oib", "HR_OIB", "1234567890?", DIGITS, 1, "OIB"),
          new Case("jp-my-number", "JP_IN", "1234 5678 901?", DIGITS, 1, "My Number card:"),
          new Case("ar-cbu", "AR_CBU", "2850590?-4009041813520?", DIGITS, 1, "Note"),
          new Case("ru-inn", "RU_INN", "7707083893??", DIGITS, 1, "Note"),
          new Case("ru-inn", "RU_INN", "770708389?", DIGITS, 1, "ИНН"),
          new Case("ma-ice", "MA_ICE", "0015654570000??", DIGITS, 2, "Note"),
          new Case("mk-edb", "MK_EDB", "MK400201553961?", DIGITS, 1, "Note"),
          new Case("mk-edb", "MK_EDB", "400201553961?", DIGITS, 1, "ЕДБ"),
          new Case("vn-mst", "VN_MST", "031440905?-002", DIGITS, 1, "Note"),
          new Case("vn-mst", "VN_MST", "031440905?", DIGITS, 1, "MST"),
          new Case("gh-tin", "GH_TIN", "C000080356?", DIGITS + "X", 1, "Note"),
          new Case("sv-nit", "SV_NIT", "0614-050707-104-?", DIGITS, 1, "Note"),
          new Case("tr-vkn", "TR_VKN", "001044152?", DIGITS, 1, "VKN"),
          new Case("tw-ubn", "TW_UBN", "0027710?", DIGITS, 2, "統一編號"),
          new Case("md-idno", "MD_IDNO", "100260000028?", DIGITS, 1, "IDNO"),
          new Case("ee-registrikood", "EE_REGISTRIKOOD", "1000003?", DIGITS, 1, "Registrikood"),
          new Case("co-nit", "CO_NIT", "800.003.122-?", DIGITS, 1, "Note"),
          new Case("ec-ruc", "EC_RUC", "179000000?001", DIGITS, 1, "Note"),
          new Case("ec-ruc", "EC_RUC", "17144061?0001", DIGITS, 1, "Note"),
          new Case("mu-nid", "MU_NID", "K150688123456?", DIGITS + "ABCDEFG", 1, "Note"),
          new Case(null, "AT_UID", "ATU1234567?", DIGITS, 1, "UID"),
          new Case(null, "BE_VAT", "BE 0123.456.7??", DIGITS, 1, "TVA"),
          new Case(null, "BG_VAT", "BG 12345678?", DIGITS, 1, "VAT"),
          new Case(null, "CY_VAT", "CY 10345678?", LETTERS, 1, "VAT"),
          new Case(null, "CZ_DIC", "CZ 1234567?", DIGITS, 1, "DIČ"),
          new Case(null, "DE_VAT", "DE 123 456 78?", DIGITS, 1, "USt-IdNr."),
          new Case(null, "EE_KMKR", "EE 10012345?", DIGITS, 1, "KMKR"),
          new Case(null, "GR_VAT", "EL 12345678?", DIGITS, 1, "ΑΦΜ"),
          new Case(null, "FI_ALV", "FI 1234567?", DIGITS, 1, "ALV"),
          new Case(null, "FR_TVA", "FR ?? 12345678?", DIGITS, 1, "TVA"),
          new Case(null, "HR_OIB", "HR 1234567890?", DIGITS, 1, "PDV"),
          new Case(null, "HU_ANUM", "HU 1234567?", DIGITS, 1, "ANUM"),
          new Case(null, "IE_VAT", "IE 1234567?", LETTERS, 1, "VAT"),
          new Case(null, "LT_PVM", "LT 12345671?", DIGITS, 1, "PVM"),
          new Case(null, "LU_TVA", "LU 123456??", DIGITS, 1, "TVA"),
          new Case(null, "NL_BTW", "NL 12345678?B01", DIGITS, 1, "BTW"),
          new Case(null, "PL_NIP", "PL 123-456-78-2?", DIGITS, 1, "NIP"),
          new Case(null, "PT_NIF", "PT 12345678?", DIGITS, 1, "NIF"),
          new Case(null, "RO_CF", "RO 1234567?", DIGITS, 1, "CIF"),
          new Case(null, "SE_VAT", "SE 556123456?01", DIGITS, 1, "Moms"),
          new Case(null, "SI_DDV", "SI 1234567?", DIGITS, 1, "DDV"),
          new Case(null, "SK_DPH", "SK 202345678?", DIGITS, 1, "IČ DPH"),
          new Case(null, "GB_VAT", "GB 123 4567 ??", DIGITS, 2, "VAT"),
          new Case(null, "CH_UID", "CHE-123.456.78? MWST", DIGITS, 1, "UID"),
          new Case(null, "NO_MVA", "NO 12345678? MVA", DIGITS, 1, "Org.nr."));

  private static PiiDetector detector;
  private static final Normalizer NORMALIZER = new Normalizer();

  @BeforeAll
  static void load() {
    detector = PiiDetector.load(Path.of("rules"));
  }

  @Test
  void eachCheckAcceptsOneCompletionOfANumberAndRejectsTheOthers() {
    for (Case c : CASES) {
      List<String> valid = new ArrayList<>();
      List<String> invalid = new ArrayList<>();
      split(c, valid, invalid);
      assertThat(valid).as(c.template()).isNotEmpty().hasSizeLessThanOrEqualTo(c.most());
    }
  }

  @Test
  void theValidNumberIsReportedWithItsTypeAndAWrongCheckIsNot() {
    for (Case c : CASES) {
      List<String> valid = new ArrayList<>();
      List<String> invalid = new ArrayList<>();
      split(c, valid, invalid);
      String good = valid.get(0);
      String bad = invalid.get(invalid.size() / 2);

      assertThat(types(c.lead() + " " + good + " is on the form."))
          .as(c.type() + " " + good)
          .contains(c.type());
      assertThat(types(c.lead() + " " + bad + " is on the form."))
          .as(c.type() + " " + bad)
          .doesNotContain(c.type());
    }
  }

  @Test
  void aVatPrefixWrittenTwiceIsNotVouchedFor() {
    List<String> valid = new ArrayList<>();
    split(
        CASES.stream().filter(c -> c.type().equals("DE_VAT")).findFirst().orElseThrow(),
        valid,
        new ArrayList<>());
    String number = valid.get(0);

    assertThat(types("VAT " + number + " on file")).containsExactly("DE_VAT");
    assertThat(types("VAT DE " + number + " on file")).isEmpty();
  }

  @Test
  void checksNeverThrowOnArbitraryInput() {
    Random random = new Random(7);
    String chars = ALNUM + " -./";
    for (Map.Entry<String, Predicate<String>> v : Validators.BY_NAME.entrySet()) {
      for (int i = 0; i < 500; i++) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(24);
        for (int k = 0; k < length; k++) {
          // mostly digits, as the numbers these checks read
          s.append(
              random.nextInt(3) == 0
                  ? chars.charAt(random.nextInt(chars.length()))
                  : DIGITS.charAt(random.nextInt(10)));
        }
        String input = s.toString();
        v.getValue().test(input); // must not throw
      }
    }
  }

  /** Every completion of the template's {@code ?}s, sorted into those the check takes and not. */
  private static void split(Case c, List<String> valid, List<String> invalid) {
    List<String> all = new ArrayList<>();
    complete(c.template(), c.alphabet(), all);
    for (String number : all) {
      (accepts(c, number) ? valid : invalid).add(number);
    }
  }

  private static boolean accepts(Case c, String number) {
    if (c.check() != null) {
      return Validators.BY_NAME.get(c.check()).test(number);
    }
    return types("Number " + number + " on file").contains(c.type());
  }

  private static void complete(String template, String alphabet, List<String> out) {
    int at = template.indexOf('?');
    if (at < 0) {
      out.add(template);
      return;
    }
    for (char c : alphabet.toCharArray()) {
      complete(template.substring(0, at) + c + template.substring(at + 1), alphabet, out);
    }
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
