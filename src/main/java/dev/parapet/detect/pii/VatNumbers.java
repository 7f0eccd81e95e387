package dev.parapet.detect.pii;

import static dev.parapet.detect.pii.Digits.are;
import static dev.parapet.detect.pii.Digits.at;
import static dev.parapet.detect.pii.Digits.weighted;

/**
 * VAT and business registration numbers of European states, each checked by the rule its tax
 * administration publishes (as the EU's VIES documentation lists them). Each takes the number
 * without its country prefix, upper case, separators removed.
 */
final class VatNumbers {

  private VatNumbers() {}

  /** Austria UID: U, seven digits and a check computed like Luhn's, offset by 4. */
  static boolean atu(String s) {
    if (s.length() != 9 || s.charAt(0) != 'U' || !are(s.substring(1), 8)) {
      return false;
    }
    return Math.floorMod(6 - Digits.luhnSum(s.substring(1, 8)), 10) == at(s, 8);
  }

  /** Belgium: ten digits (an old nine-digit number takes a leading 0), 97 minus mod 97. */
  static boolean be(String raw) {
    String s = raw.length() == 9 ? "0" + raw : raw;
    if (!are(s, 10) || s.charAt(0) > '1' || Digits.repeated(s.substring(1))) {
      return false;
    }
    return 97 - Long.parseLong(s.substring(0, 8)) % 97 == Digits.number(s, 8, 10);
  }

  /** Bulgaria: nine digits for companies, ten for persons (EGN), foreigners and others. */
  static boolean bg(String s) {
    if (are(s, 9)) {
      int sum = weighted(s, 0, 1, 2, 3, 4, 5, 6, 7, 8) % 11;
      if (sum == 10) {
        sum = weighted(s, 0, 3, 4, 5, 6, 7, 8, 9, 10) % 11;
      }
      return sum % 10 == at(s, 8);
    }
    if (!are(s, 10)) {
      return false;
    }
    if (PersonalIds.bgEgn(s)) {
      return true;
    }
    if (weighted(s, 0, 21, 19, 17, 13, 11, 9, 7, 3, 1) % 10 == at(s, 9)) {
      return true;
    }
    int rest = 11 - weighted(s, 0, 4, 3, 2, 7, 6, 5, 4, 3, 2) % 11;
    return rest != 10 && rest % 11 == at(s, 9);
  }

  private static final int[] CY_ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21};

  /** Cyprus: eight digits and a check letter. */
  static boolean cy(String s) {
    if (s.length() != 9 || !are(s.substring(0, 8), 8) || s.startsWith("12")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += i % 2 == 0 ? CY_ODD[at(s, i)] : at(s, i);
    }
    return (char) ('A' + sum % 26) == s.charAt(8);
  }

  /** Czech DIČ: a company's eight digits, or a person's birth number. */
  static boolean cz(String s) {
    if (are(s, 8)) {
      return s.charAt(0) != '9' && czIco(s);
    }
    return PersonalIds.birthNumber(s);
  }

  /** Czech and Slovak IČO: eight digits, weights 8..2, mod 11. */
  static boolean czIco(String s) {
    if (!are(s, 8)) {
      return false;
    }
    int check = (11 - weighted(s, 0, 8, 7, 6, 5, 4, 3, 2) % 11) % 11;
    return (check == 0 ? 1 : check % 10) == at(s, 7);
  }

  /** Germany USt-IdNr: nine digits, ISO 7064 MOD 11,10. */
  static boolean de(String s) {
    return are(s, 9) && s.charAt(0) != '0' && Digits.mod11x10(s);
  }

  /** Denmark CVR: eight digits whose weighted sum is a multiple of 11. */
  static boolean dk(String s) {
    return are(s, 8) && s.charAt(0) != '0' && weighted(s, 0, 2, 7, 6, 5, 4, 3, 2, 1) % 11 == 0;
  }

  /** Estonia KMKR: nine digits, weights 3, 7, 1. */
  static boolean ee(String s) {
    return are(s, 9) && weighted(s, 0, 3, 7, 1, 3, 7, 1, 3, 7, 1) % 10 == 0;
  }

  /** Greece: nine digits, powers of two mod 11. */
  static boolean gr(String raw) {
    String s = raw.length() == 8 ? "0" + raw : raw;
    if (!are(s, 9) || Digits.repeated(s)) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum = sum * 2 + at(s, i);
    }
    return sum * 2 % 11 % 10 == at(s, 8);
  }

  /** Finland ALV and Y-tunnus: eight digits, weights 7, 9, 10, 5, 8, 4, 2, 1, mod 11. */
  static boolean fi(String s) {
    return are(s, 8) && weighted(s, 0, 7, 9, 10, 5, 8, 4, 2, 1) % 11 == 0;
  }

  private static final String FR_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

  /** France TVA: a two-char key and the SIREN, the key numeric or (new style) alphanumeric. */
  static boolean fr(String s) {
    // SIRENs starting 000 are Monaco's, which have no Luhn digit
    if (s.length() != 11
        || !are(s.substring(2), 9)
        || !s.startsWith("000", 2) && !PersonalIds.siren(s.substring(2))) {
      return false;
    }
    long siren = Long.parseLong(s.substring(2));
    if (Character.isDigit(s.charAt(0)) && Character.isDigit(s.charAt(1))) {
      return (12 + 3 * (siren % 97)) % 97 == Digits.number(s, 0, 2);
    }
    int a = FR_ALPHABET.indexOf(s.charAt(0));
    int b = FR_ALPHABET.indexOf(s.charAt(1));
    if (a < 0 || b < 0) {
      return false;
    }
    int check = Character.isDigit(s.charAt(0)) ? a * 24 + b - 10 : a * 34 + b - 100;
    return (siren + 1 + check / 11) % 11 == check % 11;
  }

  /** Croatia OIB: eleven digits, ISO 7064 MOD 11,10. */
  static boolean hr(String s) {
    return are(s, 11) && Digits.mod11x10(s);
  }

  /** Hungary: eight digits, weights 9, 7, 3, 1. */
  static boolean hu(String s) {
    return are(s, 8) && weighted(s, 0, 9, 7, 3, 1, 9, 7, 3, 1) % 10 == 0;
  }

  /** Ireland: seven digits and one or two letters, or the old form with a letter second. */
  static boolean ie(String raw) {
    String s = raw;
    if (s.length() == 8 && Character.isDigit(s.charAt(0)) && !Character.isDigit(s.charAt(1))) {
      s = "0" + s.substring(2, 7) + s.charAt(0) + s.charAt(7); // "8D79739I": old style
    }
    return PersonalIds.ppsCheck(s);
  }

  /** Lithuania PVM: nine digits (8th a 1) or twelve (11th a 1), the Estonian/Lithuanian check. */
  static boolean lt(String s) {
    if (are(s, 9)) {
      return s.charAt(7) == '1' && PersonalIds.balticCheck(s);
    }
    return are(s, 12) && s.charAt(10) == '1' && PersonalIds.balticCheck(s);
  }

  /** Luxembourg: six digits, then their value mod 89. */
  static boolean lu(String s) {
    return are(s, 8) && Digits.number(s, 0, 6) % 89 == Digits.number(s, 6, 8);
  }

  /** Latvia PVN: a company (first digit above 3) or a person's code with a birth date. */
  static boolean lv(String s) {
    if (!are(s, 11)) {
      return false;
    }
    if (s.charAt(0) > '3') {
      return weighted(s, 0, 9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1) % 11 == 3;
    }
    int check = Math.floorMod(1101 - weighted(s, 0, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2), 11);
    if (check > 9 || check != at(s, 10)) {
      return false;
    }
    if (s.startsWith("32")) {
      return true; // personal codes since 2017 carry no birth date
    }
    int century = 1800 + at(s, 6) * 100;
    return Digits.date(
        century + Digits.number(s, 4, 6), Digits.number(s, 2, 4), Digits.number(s, 0, 2));
  }

  /** Malta: eight digits, weighted mod 37. */
  static boolean mt(String s) {
    return are(s, 8) && s.charAt(0) != '0' && weighted(s, 0, 3, 4, 6, 7, 8, 9, 10, 1) % 37 == 0;
  }

  /** Netherlands BTW: nine digits, B, two digits; the old eleven-test or the new mod 97. */
  static boolean nl(String raw) {
    int b = raw.indexOf('B');
    String s = b > 0 && b < 9 ? "0".repeat(9 - b) + raw : raw;
    if (s.length() != 12 || s.charAt(9) != 'B' || !are(s.substring(0, 9), 9)) {
      return false;
    }
    if (!are(s.substring(10), 2) || s.endsWith("00") || s.startsWith("000000000")) {
      return false;
    }
    if (PersonalIds.elevenTest(s.substring(0, 9))) {
      return true;
    }
    // the new scheme: mod 97 of "NL" + the number, letters as 10..35, is 1
    String expanded = "2321" + s.substring(0, 9) + "11" + s.substring(10);
    return Digits.mod97(expanded) == 1;
  }

  /** Poland NIP: ten digits, weighted mod 11. */
  static boolean pl(String s) {
    return are(s, 10) && weighted(s, 0, 6, 5, 7, 2, 3, 4, 5, 6, 7) % 11 == at(s, 9);
  }

  /** Portugal NIF: nine digits, weights 9..2. */
  static boolean pt(String s) {
    if (!are(s, 9) || "4".indexOf(s.charAt(0)) >= 0 || s.charAt(0) == '0') {
      return false;
    }
    int check = (11 - weighted(s, 0, 9, 8, 7, 6, 5, 4, 3, 2) % 11) % 11 % 10;
    return check == at(s, 8);
  }

  /** Romania CUI/CIF: two to ten digits, weights 7, 5, 3, 2, 1 from the right; or a CNP. */
  static boolean ro(String s) {
    if (s.length() == 13) {
      return PersonalIds.roCnp(s);
    }
    if (s.length() < 2 || s.length() > 10 || !are(s, s.length()) || s.charAt(0) == '0') {
      return false;
    }
    String body = "0".repeat(10 - s.length()) + s;
    int sum = weighted(body, 0, 7, 5, 3, 2, 1, 7, 5, 3, 2);
    return sum * 10 % 11 % 10 == at(body, 9);
  }

  /** Sweden: an organisation number (Luhn over ten digits) and "01". */
  static boolean se(String s) {
    return are(s, 12) && s.endsWith("01") && Digits.luhn(s.substring(0, 10));
  }

  /** Slovenia DDV: eight digits, weights 8..2, mod 11. */
  static boolean si(String s) {
    if (!are(s, 8) || s.charAt(0) == '0') {
      return false;
    }
    int check = 11 - weighted(s, 0, 8, 7, 6, 5, 4, 3, 2) % 11;
    return check != 11 && check % 10 == at(s, 7);
  }

  /** Slovakia DIČ/IČ DPH: ten digits, a multiple of 11, third digit 2, 3, 4, 7, 8 or 9. */
  static boolean sk(String s) {
    return are(s, 10)
        && s.charAt(0) != '0'
        && "234789".indexOf(s.charAt(2)) >= 0
        && Long.parseLong(s) % 11 == 0;
  }

  /** United Kingdom: nine (or twelve, a branch) digits, weighted mod 97 of 0 or 42. */
  static boolean gb(String s) {
    if (!are(s, 9) && !are(s, 12)) {
      return false;
    }
    int sum = weighted(s, 0, 8, 7, 6, 5, 4, 3, 2, 10, 1) % 97;
    return (sum == 0 || sum == 42) && !s.startsWith("000");
  }

  /** Switzerland UID (CHE): eight digits and a check, weights 5, 4, 3, 2, 7, 6, 5, 4. */
  static boolean ch(String s) {
    if (!are(s, 9)) {
      return false;
    }
    int check = (11 - weighted(s, 0, 5, 4, 3, 2, 7, 6, 5, 4) % 11) % 11;
    return check != 10 && check == at(s, 8);
  }

  /** Norway organisation number (also its MVA): nine digits, weights 3, 2, 7, 6, 5, 4, 3, 2. */
  static boolean no(String s) {
    if (!are(s, 9) || s.charAt(0) == '0') {
      return false;
    }
    int check = (11 - weighted(s, 0, 3, 2, 7, 6, 5, 4, 3, 2) % 11) % 11;
    return check != 10 && check == at(s, 8);
  }
}
