package dev.parapet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.detect.DetectorInput;
import dev.parapet.detect.pii.PiiDetector;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.Stage;
import dev.parapet.text.Normalizer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recall and false positives of the PII detector per entity type over a labelled JSON Lines file
 * (the development set's shape: {@code entity_type}, {@code text}, {@code expected}, {@code spans},
 * {@code value}). Uses only the detector's public API, so it runs against any build's classes:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) dev.parapet.bench.PiiDevEvaluation \
 *   /work/shared/eval-dev/pii_dev.jsonl [rulesDir]
 * </pre>
 *
 * A positive counts as found when a {@code pii} finding overlaps its span ("any"), and as typed when
 * that finding also has the case's type; a negative is a false positive when a {@code pii} finding
 * overlaps the written value.
 */
public final class PiiDevEvaluation {

  /** Types whose misses and false positives are printed: {@code -Dmisses=IBAN_CODE,ES_NIF}. */
  private static final java.util.Set<String> SHOW =
      java.util.Set.of(System.getProperty("misses", "").split(","));

  private PiiDevEvaluation() {}

  /** Per-type counts. */
  private static final class Row {
    int positives;
    int found;
    int typed;
    int negatives;
    int falsePositives;
  }

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : "/work/shared/eval-dev/pii_dev.jsonl");
    PiiDetector detector = PiiDetector.load(Path.of(args.length > 1 ? args[1] : "rules"));
    Normalizer normalizer = new Normalizer();
    ObjectMapper json = new ObjectMapper();
    Map<String, Row> rows = new TreeMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode c = json.readTree(line);
      String text = c.get("text").asText();
      String type = c.get("entity_type").asText();
      int length = text.codePointCount(0, text.length());
      CheckContext ctx = new CheckContext(Stage.INPUT, "default", "", Map.of(), length);
      List<Finding> findings =
          detector.detect(new DetectorInput(normalizer.normalize(text), ctx));
      Row row = rows.computeIfAbsent(type, t -> new Row());
      if (c.get("expected").asBoolean()) {
        JsonNode span = c.get("spans").get(0);
        int start = span.get(0).asInt();
        int end = span.get(1).asInt();
        row.positives++;
        boolean any = false;
        boolean typed = false;
        for (Finding f : findings) {
          if (f.start() < end && f.end() > start) {
            any = true;
            typed |= sameType(f.type(), type);
          }
        }
        if (!typed && SHOW.contains(type)) {
          System.out.println("missed " + type + ": " + text + " " + findings);
        }
        row.found += any ? 1 : 0;
        row.typed += typed ? 1 : 0;
      } else {
        String value = c.path("value").asText();
        int at = text.indexOf(value);
        int start = at < 0 ? 0 : text.codePointCount(0, at);
        int end = at < 0 ? length : start + value.codePointCount(0, value.length());
        row.negatives++;
        boolean hit = false;
        for (Finding f : findings) {
          hit |= f.start() < end && f.end() > start;
        }
        if (hit && SHOW.contains(type)) {
          System.out.println("false positive " + type + ": " + text + " " + findings);
        }
        row.falsePositives += hit ? 1 : 0;
      }
    }
    print(rows, System.out);
  }

  /**
   * The development set names identifiers without a conventional entity name {@code
   * STDNUM_<country>_<module>}; the detector's type for them is {@code <COUNTRY>_<MODULE>} upper
   * case, and where one stdnum module covers what the detector reports under another name (an EU
   * VAT number under its country's type, a Slovak birth number under the Czech one), {@link
   * #ALIASES} lists the types that count.
   */
  static boolean sameType(String found, String expected) {
    if (found.equals(expected)) {
      return true;
    }
    if (!expected.startsWith("STDNUM_")) {
      return false;
    }
    String module = expected.substring("STDNUM_".length()).toUpperCase(Locale.ROOT);
    return found.equals(module) || ALIASES.getOrDefault(module, java.util.Set.of()).contains(found);
  }

  private static final java.util.Set<String> EU_VAT =
      java.util.Set.of(
          "AT_UID", "BE_VAT", "BG_VAT", "CY_VAT", "CZ_DIC", "DE_VAT", "DK_CVR", "EE_KMKR", "GR_VAT",
          "ES_NIF", "FI_ALV", "FR_TVA", "HR_OIB", "HU_ANUM", "IE_VAT", "IT_VAT_CODE", "LT_PVM",
          "LU_TVA", "LV_PVN", "MT_VAT", "NL_BTW", "PL_NIP", "PT_NIF", "RO_CF", "SE_VAT", "SI_DDV",
          "SK_DPH", "GB_VAT");

  private static final Map<String, java.util.Set<String>> ALIASES =
      Map.ofEntries(
          Map.entry("EU_VAT", EU_VAT),
          Map.entry("SK_RC", java.util.Set.of("CZ_RC")),
          Map.entry("SK_ICO", java.util.Set.of("CZ_ICO")),
          Map.entry("CZ_DIC", java.util.Set.of("CZ_RC", "CZ_ICO")),
          Map.entry("LT_ASMENS", java.util.Set.of("EE_IK")),
          Map.entry("LV_PVN", java.util.Set.of("LV_PERSONAS_KODS")),
          Map.entry("BE_SSN", java.util.Set.of("BE_NN")),
          Map.entry("BE_BIS", java.util.Set.of("BE_NN")),
          Map.entry("TH_PIN", java.util.Set.of("TH_TNIN")),
          Map.entry("TH_TIN", java.util.Set.of("TH_TNIN", "TH_MOA")),
          Map.entry("FI_YTUNNUS", java.util.Set.of("FI_ALV")),
          Map.entry("RO_CUI", java.util.Set.of("RO_CF")),
          Map.entry("CH_VAT", java.util.Set.of("CH_UID")),
          Map.entry("NO_ORGNR", java.util.Set.of("NO_MVA")),
          Map.entry("IL_HP", java.util.Set.of("IL_IDNR")),
          Map.entry("BG_VAT", java.util.Set.of("BG_EGN")),
          Map.entry("ES_DNI", java.util.Set.of("ES_NIF")),
          Map.entry("ES_CIF", java.util.Set.of("ES_NIF")),
          Map.entry("ES_IBAN", java.util.Set.of("IBAN_CODE")),
          Map.entry("BE_IBAN", java.util.Set.of("IBAN_CODE")),
          Map.entry("ME_IBAN", java.util.Set.of("IBAN_CODE")),
          Map.entry("SG_UEN", java.util.Set.of("SG_UEN")),
          Map.entry("IE_PPS", java.util.Set.of("IE_PPS", "IE_VAT")),
          Map.entry("RO_CF", java.util.Set.of("RO_CNP")),
          Map.entry("FI_ALV", java.util.Set.of("FI_ALV")),
          Map.entry("IN_EPIC", java.util.Set.of("IN_VOTER")));

  private static void print(Map<String, Row> rows, PrintStream out) {
    out.println("| type | positives | recall (any pii) | recall (same type) | negatives | FP rate |");
    out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
    Row named = new Row();
    Row stdnum = new Row();
    rows.forEach(
        (type, r) -> {
          Row sum = type.startsWith("STDNUM_") ? stdnum : named;
          sum.positives += r.positives;
          sum.found += r.found;
          sum.typed += r.typed;
          sum.negatives += r.negatives;
          sum.falsePositives += r.falsePositives;
          if (!type.startsWith("STDNUM_") || Boolean.getBoolean("stdnum")) {
            out.println(line(type, r));
          }
        });
    out.println(line("**named types**", named));
    out.println(line("**STDNUM_* (all)**", stdnum));
  }

  private static String line(String type, Row r) {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %s | %s | %d | %s |",
        type,
        r.positives,
        ratio(r.found, r.positives),
        ratio(r.typed, r.positives),
        r.negatives,
        ratio(r.falsePositives, r.negatives));
  }

  private static String ratio(int part, int whole) {
    return whole == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) part / whole);
  }
}
