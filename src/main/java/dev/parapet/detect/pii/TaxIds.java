package dev.parapet.detect.pii;

import static dev.parapet.detect.pii.Digits.are;
import static dev.parapet.detect.pii.Digits.at;
import static dev.parapet.detect.pii.Digits.weighted;

/**
 * Tax and business registration numbers of more countries, each checked as its issuer publishes it
 * (the format descriptions python-stdnum's documentation and the issuers' pages give). Each takes
 * the number upper case, separators removed.
 */
final class TaxIds {

  private TaxIds() {}

  /**
   * Argentina CBU (bank account): a bank block of seven digits and a check, an account block of
   * thirteen digits and a check; weights 3, 1, 7, 9 from the right.
   */
  static boolean arCbu(String s) {
    return are(s, 22) && cbuCheck(s, 0, 7) == at(s, 7) && cbuCheck(s, 8, 21) == at(s, 21);
  }

  private static int cbuCheck(String s, int from, int to) {
    int[] weights = {3, 1, 7, 9};
    int sum = 0;
    for (int i = to - 1, k = 0; i >= from; i--, k++) {
      sum += at(s, i) * weights[k % 4];
    }
    return (10 - sum % 10) % 10;
  }

  /** Russia INN: ten digits (an organisation, one check) or twelve (a person, two checks). */
  static boolean ruInn(String s) {
    if (are(s, 10)) {
      return weighted(s, 0, 2, 4, 10, 3, 5, 9, 4, 6, 8) % 11 % 10 == at(s, 9);
    }
    return are(s, 12)
        && weighted(s, 0, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8) % 11 % 10 == at(s, 10)
        && weighted(s, 0, 3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8) % 11 % 10 == at(s, 11);
  }

  /** Morocco ICE: fifteen digits whose last two make the whole divisible by 97. */
  static boolean maIce(String s) {
    return are(s, 15) && Checksums.mod97(s) == 0;
  }

  /** North Macedonia EDB (tax number): thirteen digits, mod 11 over the first twelve. */
  static boolean mkEdb(String s) {
    String digits = s.startsWith("MK") ? s.substring(2) : s;
    return are(digits, 13)
        && (11 - weighted(digits, 0, 7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2) % 11) % 11 % 10
            == at(digits, 12);
  }

  /** Vietnam MST (tax code): ten digits with a mod-11 check, and a branch 001-999 after them. */
  static boolean vnMst(String s) {
    if (s.length() == 13 && (!are(s, 13) || s.endsWith("000"))) {
      return false;
    }
    return (s.length() == 10 || s.length() == 13)
        && are(s.substring(0, 10), 10)
        && (10 - weighted(s, 0, 31, 29, 23, 19, 17, 13, 7, 5, 3) % 11) % 10 == at(s, 9);
  }

  /** Ghana TIN: P, C, G, Q or V, nine digits and a mod-11 check (X for ten). */
  static boolean ghTin(String s) {
    if (s.length() != 11 || "PCGQV".indexOf(s.charAt(0)) < 0 || !are(s.substring(1, 10), 9)) {
      return false;
    }
    int sum = 0;
    for (int i = 1; i < 10; i++) {
      sum += i * at(s, i);
    }
    int check = sum % 11;
    return s.charAt(10) == (check == 10 ? 'X' : (char) ('0' + check));
  }

  /**
   * El Salvador NIT: municipality, birth or registration date, serial and a check; the serial says
   * which of the two weightings (before and after 2004) applies.
   */
  static boolean svNit(String s) {
    if (!are(s, 14)) {
      return false;
    }
    if (Digits.number(s, 10, 13) <= 100) {
      return weighted(s, 0, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2) % 11 % 10 == at(s, 13);
    }
    int sum = weighted(s, 0, 2, 7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2);
    return (11 - sum % 11) % 11 % 10 == at(s, 13);
  }

  /** Turkey VKN (tax number): ten digits; each digit shifted, doubled by its place, mod 9. */
  static boolean trVkn(String s) {
    if (!are(s, 10)) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      int c1 = (at(s, i) + 9 - i) % 10;
      int c2 = c1 * (1 << (9 - i)) % 9;
      sum += c1 != 0 && c2 == 0 ? 9 : c2;
    }
    return (10 - sum % 10) % 10 == at(s, 9);
  }

  /**
   * Taiwan UBN (unified business number): eight digits, products' digit sums divisible by 5 (by 10
   * before 2023); a 7 in the seventh place may count one more.
   */
  static boolean twUbn(String s) {
    if (!are(s, 8)) {
      return false;
    }
    int[] weights = {1, 2, 1, 2, 1, 2, 4, 1};
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      int p = at(s, i) * weights[i];
      sum += p / 10 + p % 10;
    }
    return sum % 5 == 0 || at(s, 6) == 7 && (sum + 1) % 5 == 0;
  }

  /** Moldova IDNO: thirteen digits, weights 7, 3, 1 mod 10. */
  static boolean mdIdno(String s) {
    return are(s, 13) && weighted(s, 0, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1) % 10 == at(s, 12);
  }

  /** Estonia registrikood: eight digits starting 1, 7, 8 or 9, the Estonian two-pass mod 11. */
  static boolean eeRegistrikood(String s) {
    if (!are(s, 8) || "1789".indexOf(s.charAt(0)) < 0) {
      return false;
    }
    int check = weighted(s, 0, 1, 2, 3, 4, 5, 6, 7) % 11;
    if (check == 10) {
      check = weighted(s, 0, 3, 4, 5, 6, 7, 8, 9) % 11 % 10;
    }
    return check == at(s, 7);
  }

  /**
   * Ecuador RUC: thirteen digits, a province, then by the third digit a person's cédula (0-5), a
   * public body (6) or a company (9) with its own mod-11 check, and an establishment number that is
   * not zero.
   */
  static boolean ecRuc(String s) {
    if (!are(s, 13)) {
      return false;
    }
    int province = Digits.number(s, 0, 2);
    if (!(province >= 1 && province <= 24 || province == 30 || province == 50)) {
      return false;
    }
    int kind = at(s, 2);
    if (kind <= 5) {
      return WorldIds.ecCi(s.substring(0, 10)) && !s.endsWith("000");
    }
    if (kind == 6) {
      int sum = weighted(s, 0, 3, 2, 7, 6, 5, 4, 3, 2);
      return (11 - sum % 11) % 11 == at(s, 8) && !s.endsWith("0000");
    }
    if (kind == 9) {
      int sum = weighted(s, 0, 4, 3, 2, 7, 6, 5, 4, 3, 2);
      return (11 - sum % 11) % 11 == at(s, 9) && !s.endsWith("000");
    }
    return false;
  }

  private static final String BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /**
   * Mauritius NID (a person's, though it sits with the tax numbers here): the surname's initial,
   * the birth date DDMMYY, six digits and a mod-17 check over all thirteen, weights 14 down to 2.
   */
  static boolean muNid(String s) {
    if (s.length() != 14
        || s.charAt(0) < 'A'
        || s.charAt(0) > 'Z'
        || !are(s.substring(1, 13), 12)
        || !Digits.date(2000, Digits.number(s, 3, 5), Digits.number(s, 1, 3))) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 13; i++) {
      sum += BASE36.indexOf(s.charAt(i)) * (14 - i);
    }
    return BASE36.charAt((17 - sum % 17) % 17) == s.charAt(13);
  }
}
