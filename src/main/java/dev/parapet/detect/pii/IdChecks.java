package dev.parapet.detect.pii;

import java.util.Locale;
import java.util.Set;

/**
 * Check-digit and structure rules of national identifiers added beside {@link Checksums}, each
 * written from the issuer's published description; each takes the value with its separators removed
 * (digits, or upper-case letters and digits).
 */
final class IdChecks {

  private IdChecks() {}

  /** US ITIN: 9XX, a group of 50-65, 70-88, 90-92 or 94-99, four serial digits. */
  static boolean itin(String digits) {
    if (digits.length() != 9 || digits.charAt(0) != '9') {
      return false;
    }
    int group = Integer.parseInt(digits.substring(3, 5));
    return group >= 50 && group <= 65
        || group >= 70 && group <= 88
        || group >= 90 && group <= 92
        || group >= 94;
  }

  /**
   * Italian partita IVA: Luhn over 11 digits, and digits 8-10 name a provincial office (001-100,
   * 120, 121, 888, 999), which leaves about one random number in a hundred.
   */
  static boolean italianVat(String digits) {
    if (digits.length() != 11 || !Checksums.luhn(digits) || digits.startsWith("0000000")) {
      return false;
    }
    int office = Integer.parseInt(digits.substring(7, 10));
    return office >= 1 && office <= 100
        || office == 120
        || office == 121
        || office == 888
        || office == 999;
  }

  /**
   * Spanish CIF (companies): a letter for the kind of entity, seven digits, and a control that is a
   * digit or a letter computed from a Luhn-like sum.
   */
  static boolean cif(String s) {
    if (s.length() != 9 || "ABCDEFGHJKLMNPQRSUVW".indexOf(s.charAt(0)) < 0) {
      return false;
    }
    if ("KLM".indexOf(s.charAt(0)) >= 0) { // Spaniards without a DNI: the DNI's letter
      String digits = s.substring(1, 8);
      return digits.chars().allMatch(Character::isDigit)
          && "TRWAGMYFPDXBNJZSQVHLCKE".charAt(Integer.parseInt(digits) % 23) == s.charAt(8);
    }
    int sum = 0;
    for (int i = 1; i <= 7; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      int d = c - '0';
      if (i % 2 == 1) {
        d *= 2;
        d = d / 10 + d % 10;
      }
      sum += d;
    }
    int control = (10 - sum % 10) % 10;
    char last = s.charAt(8);
    return last == (char) ('0' + control) || last == "JABCDEFGHI".charAt(control);
  }

  /** Spanish NIF in any of its forms: DNI, NIE (both a mod-23 letter) or CIF. */
  static boolean spanishNif(String raw) {
    String s = raw.length() == 11 && raw.startsWith("ES") ? raw.substring(2) : raw;
    return Checksums.nif(s) || cif(s);
  }

  private static final String UEN_OTHER_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWX0123456789";
  private static final Set<String> UEN_ENTITY_TYPES =
      Set.of(
          "CC", "CD", "CH", "CL", "CM", "CP", "CS", "CX", "DP", "FB", "FC", "FM", "FN", "GA", "GB",
          "GS", "HS", "LL", "LP", "MB", "MC", "MD", "MH", "MM", "MQ", "NB", "NR", "PA", "PB", "PF",
          "RF", "RP", "SM", "SS", "TC", "TU", "VH", "XL");

  /**
   * Singapore UEN: a business (8 digits and a check letter), a local company (year, 5 digits, a
   * check letter) or another entity (R/S/T, year, entity type, 4 digits, a check character).
   */
  static boolean uen(String raw) {
    String s = raw.toUpperCase(Locale.ROOT);
    if (s.length() == 9) {
      return weighted(s, new int[] {10, 4, 9, 3, 8, 2, 7, 1}, "XMKECAWLJDB");
    }
    if (s.length() != 10) {
      return false;
    }
    if (Character.isDigit(s.charAt(0))) {
      int year = Integer.parseInt(s.substring(0, 4).replaceAll("\\D", "0"));
      return year >= 1800
          && year <= 2100
          && weighted(s, new int[] {10, 8, 6, 4, 9, 7, 5, 3, 1}, "ZKCMDNERGWH");
    }
    if ("RST".indexOf(s.charAt(0)) < 0
        || !Character.isDigit(s.charAt(1))
        || !Character.isDigit(s.charAt(2))
        || !UEN_ENTITY_TYPES.contains(s.substring(3, 5))) {
      return false;
    }
    int[] w = {4, 3, 5, 3, 10, 2, 2, 5, 7};
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      int v = UEN_OTHER_ALPHABET.indexOf(s.charAt(i));
      if (v < 0 || i >= 5 && !Character.isDigit(s.charAt(i))) {
        return false;
      }
      sum += v * w[i];
    }
    return UEN_OTHER_ALPHABET.charAt(Math.floorMod(sum - 5, 11)) == s.charAt(9);
  }

  private static boolean weighted(String s, int[] w, String letters) {
    int sum = 0;
    for (int i = 0; i < w.length; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      sum += (c - '0') * w[i];
    }
    return letters.charAt(sum % 11) == s.charAt(w.length);
  }

  /**
   * Italian codice fiscale with omocodia: where two people would share a code, digits are replaced
   * by the letters L-V; the check letter is computed over the code as written.
   */
  static boolean italianFiscalCode(String s) {
    if (s.length() != 16) {
      return false;
    }
    int[] digitPositions = {6, 7, 9, 10, 12, 13, 14};
    for (int p : digitPositions) {
      char c = s.charAt(p);
      if (!(c >= '0' && c <= '9') && "LMNPQRSTUV".indexOf(c) < 0) {
        return false;
      }
    }
    int day = omocodiaDigit(s.charAt(9)) * 10 + omocodiaDigit(s.charAt(10));
    return "ABCDEHLMPRST".indexOf(s.charAt(8)) >= 0
        && (day >= 1 && day <= 31 || day >= 41 && day <= 71) // women: day + 40
        && Checksums.italianFiscalCode(s);
  }

  private static int omocodiaDigit(char c) {
    return c <= '9' ? c - '0' : "LMNPQRSTUV".indexOf(c);
  }

  /** Polish PESEL: weighted check and a real date, the century encoded in the month. */
  static boolean pesel(String digits) {
    if (!Checksums.pesel(digits)) {
      return false;
    }
    int month = Integer.parseInt(digits.substring(2, 4));
    int century =
        switch (month / 20) {
          case 0 -> 1900;
          case 1 -> 2000;
          case 2 -> 2100;
          case 3 -> 2200;
          default -> 1800;
        };
    String date =
        (century + Integer.parseInt(digits.substring(0, 2)))
            + String.format(Locale.ROOT, "%02d", month % 20)
            + digits.substring(4, 6);
    return Checksums.date(date, "yyyyMMdd") || century >= 2100 && month % 20 >= 1;
  }

  /** Australian Medicare card: first digit 2-6, weighted check in the ninth, issue digit not 0. */
  static boolean medicare(String digits) {
    return Checksums.medicare(digits) && digits.charAt(9) != '0';
  }

  /** UK NHS number, and not one digit repeated (0000000000 passes mod 11). */
  static boolean nhs(String digits) {
    return Checksums.nhs(digits) && !repeated(digits);
  }

  /** An Aadhaar: Verhoeff, first digit 2-9, not one digit repeated. */
  static boolean aadhaar(String digits) {
    return digits.length() == 12
        && digits.charAt(0) >= '2'
        && Checksums.verhoeff(digits)
        && !repeated(digits);
  }

  /** Australian TFN, and not all one digit. */
  static boolean tfn(String digits) {
    return Checksums.tfn(digits) && !repeated(digits);
  }

  /** Australian ABN, and not all one digit. */
  static boolean abn(String digits) {
    return Checksums.abn(digits) && !repeated(digits);
  }

  /** Australian ACN, and not all one digit. */
  static boolean acn(String digits) {
    return Checksums.acn(digits) && !repeated(digits);
  }

  /**
   * A payment card: Luhn, and a length the brand of its leading digits issues: Visa, Mastercard
   * (51-55, 2221-2720), Mir (2200-2204), American Express, Diners, JCB, Discover, UnionPay, RuPay,
   * Maestro and the national schemes within those ranges.
   */
  static boolean card(String d) {
    int n = d.length();
    if (n < 12 || n > 19 || !Checksums.luhn(d)) {
      return false;
    }
    int two = Integer.parseInt(d.substring(0, 2));
    int four = Integer.parseInt(d.substring(0, 4));
    return switch (d.charAt(0)) {
      case '2' -> four >= 2221 && four <= 2720 ? n == 16 : four >= 2200 && four <= 2204 && n >= 16;
      case '3' ->
          two == 34 || two == 37
              ? n == 15
              : (two == 36 || two == 38 || two == 39 || two == 30) && n >= 14
                  || four >= 3528 && four <= 3589 && n >= 16;
      case '4' -> n == 13 || n == 16 || n == 19;
      // Maestro issues 12 to 19 digits, but the short ones are rare and share their lengths
      // with every ticket and reference number: 16 and more only
      case '5' -> two >= 51 && two <= 55 ? n == 16 : n >= 16 && (two == 50 || two >= 56);
      case '6' -> n >= 16;
      default -> false;
    };
  }

  static boolean repeated(String s) {
    for (int i = 1; i < s.length(); i++) {
      if (s.charAt(i) != s.charAt(0)) {
        return false;
      }
    }
    return true;
  }
}
