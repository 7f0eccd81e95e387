package dev.parapet.detect.pii;

import dev.parapet.model.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * VAT numbers written with their country prefix, as invoices and the EU's VIES print them: "DE 136
 * 695 976", "ATU13585627", "CHE-107.787.577 MWST", "NO 995 525 828 MVA". The prefix makes them
 * distinctive, so no context word is needed; the number after it must pass its country's check.
 * Candidate runs do not join a prefix and digits across a space, hence a scanner of its own.
 */
final class VatScanner implements Scanner {

  /** One country's VAT number: its type and its check over the number without the prefix. */
  private record Kind(String type, Predicate<String> check) {}

  private static final Map<String, Kind> BY_PREFIX = new HashMap<>();
  private static final List<String> SWISS_SUFFIXES = List.of("MWST", "TVA", "IVA", "TPV");
  private static final List<String> NORWAY = List.of("MVA");

  static {
    add("AT", "AT_UID", VatNumbers::atu);
    add("BE", "BE_VAT", VatNumbers::be);
    add("BG", "BG_VAT", VatNumbers::bg);
    add("CY", "CY_VAT", VatNumbers::cy);
    add("CZ", "CZ_DIC", VatNumbers::cz);
    add("DE", "DE_VAT", VatNumbers::de);
    add("DK", "DK_CVR", VatNumbers::dk);
    add("EE", "EE_KMKR", VatNumbers::ee);
    add("EL", "GR_VAT", VatNumbers::gr);
    add("GR", "GR_VAT", VatNumbers::gr);
    add("ES", "ES_NIF", IdChecks::spanishNif);
    add("FI", "FI_ALV", VatNumbers::fi);
    add("FR", "FR_TVA", VatNumbers::fr);
    add("HR", "HR_OIB", VatNumbers::hr);
    add("HU", "HU_ANUM", VatNumbers::hu);
    add("IE", "IE_VAT", VatNumbers::ie);
    add("IT", "IT_VAT_CODE", s -> Digits.are(s, 11) && IdChecks.italianVat(s));
    add("LT", "LT_PVM", VatNumbers::lt);
    add("LU", "LU_TVA", VatNumbers::lu);
    add("LV", "LV_PVN", VatNumbers::lv);
    add("MT", "MT_VAT", VatNumbers::mt);
    add("NL", "NL_BTW", VatNumbers::nl);
    add("PL", "PL_NIP", VatNumbers::pl);
    add("PT", "PT_NIF", VatNumbers::pt);
    add("RO", "RO_CF", VatNumbers::ro);
    add("SE", "SE_VAT", VatNumbers::se);
    add("SI", "SI_DDV", VatNumbers::si);
    add("SK", "SK_DPH", VatNumbers::sk);
    add("GB", "GB_VAT", VatNumbers::gb);
    add("XI", "GB_VAT", VatNumbers::gb); // Northern Ireland
    add("CHE", "CH_UID", s -> VatNumbers.ch(withoutSuffix(s, SWISS_SUFFIXES)));
    add("NO", "NO_MVA", s -> s.endsWith("MVA") && VatNumbers.no(withoutSuffix(s, NORWAY)));
  }

  private static final String SOURCE = PiiDetector.NAME + "/vat";
  private static final java.util.Set<String> LETTER_FIRST =
      java.util.Set.of("AT_UID", "ES_NIF", "FR_TVA");

  /** The longest number after a prefix, separators included: Sweden's "202 100-5000 01". */
  private static final int LONGEST = 24;

  private static void add(String prefix, String type, Predicate<String> check) {
    BY_PREFIX.put(prefix, new Kind(type, check));
  }

  private static String withoutSuffix(String s, List<String> suffixes) {
    for (String suffix : suffixes) {
      if (s.endsWith(suffix)) {
        return s.substring(0, s.length() - suffix.length());
      }
    }
    return s;
  }

  @Override
  public void scan(Page page, FindingSink sink) {
    String text = page.text();
    int n = text.length();
    for (int at = 0; at + 6 < n; at++) {
      if (!isUpper(text.charAt(at))
          || !isUpper(text.charAt(at + 1))
          || at > 0 && Candidates.isAlnum(text.charAt(at - 1))) {
        continue;
      }
      int prefixEnd = isUpper(text.charAt(at + 2)) && text.startsWith("CHE", at) ? at + 3 : at + 2;
      Kind kind = BY_PREFIX.get(text.substring(at, prefixEnd));
      if (kind == null) {
        continue;
      }
      int end = find(text, at, prefixEnd, kind, !doubled(text, at, prefixEnd - at), sink);
      if (end > 0) {
        at = end - 1;
      }
    }
  }

  /** "DE DE 136695976": a prefix written twice is a slip no check can vouch for. */
  private static boolean doubled(String text, int at, int length) {
    return at >= length + 1 && text.startsWith(text.substring(at, at + length), at - length - 1);
  }

  /**
   * Reports the longest valid number after the prefix and returns its end; a number after a prefix
   * that fails its country's check is claimed, so that no other recognizer reads it as something
   * else. Returns -1 when there is no number after the prefix.
   */
  private static int find(
      String text, int at, int prefixEnd, Kind kind, boolean vouched, FindingSink sink) {
    int n = text.length();
    int i = prefixEnd;
    // "DE 136…", "DE-136…", "DE - 136…", "HU -1250…", "LU: 2099…", "NL.0094…"
    while (i < n && i < prefixEnd + 3 && " -.:".indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    // the number starts with a digit, but for Austria's U and Spain's and France's letters;
    // and a prefix runs straight into the number only with no space: "FIN T66…" is no VAT number
    if (i >= n
        || !Candidates.isDigit(text.charAt(i)) && !LETTER_FIRST.contains(kind.type())
        || i == prefixEnd && !Candidates.isDigit(text.charAt(i)) && !kind.type().equals("AT_UID")) {
      return -1;
    }
    int limit = Math.min(n, i + LONGEST);
    int[] ends = new int[LONGEST + 1];
    int count = 0;
    for (int j = i; j < limit; j++) {
      char c = text.charAt(j);
      if (Candidates.isDigit(c) || isUpper(c)) {
        if (j + 1 >= n || !Candidates.isAlnum(text.charAt(j + 1))) {
          ends[count++] = j + 1; // a number may end here
        }
      } else if (!isSeparator(c) || j + 1 >= n || !isDigitOrUpper(text.charAt(j + 1))) {
        break;
      }
    }
    for (int k = count - 1; k >= 0; k--) {
      int e = ends[k];
      String number = Checksums.alnumUpper(text.substring(i, e));
      if (vouched && !sink.overlaps(at, e) && kind.check().test(number)) {
        sink.add(at, e, kind.type(), Severity.MEDIUM, 0.85, SOURCE);
        return e;
      }
    }
    if (count > 0 && ends[count - 1] - i >= 8 && !sink.overlaps(at, ends[count - 1])) {
      sink.claim(at, ends[count - 1]);
      return ends[count - 1];
    }
    return -1;
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isDigitOrUpper(char c) {
    return Candidates.isDigit(c) || isUpper(c);
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '-' || c == '.' || c == '/';
  }
}
