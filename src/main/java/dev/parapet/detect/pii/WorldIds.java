package dev.parapet.detect.pii;

import static dev.parapet.detect.pii.Digits.are;
import static dev.parapet.detect.pii.Digits.at;
import static dev.parapet.detect.pii.Digits.number;
import static dev.parapet.detect.pii.Digits.weighted;

/**
 * National identifiers of the Americas, Asia and Africa, each checked as its issuer publishes it.
 * Each takes the number upper case, separators removed.
 */
final class WorldIds {

  private WorldIds() {}

  /** Brazil CPF: nine digits and two mod-11 checks; not one digit repeated. */
  static boolean brCpf(String s) {
    if (!are(s, 11) || Digits.repeated(s)) {
      return false;
    }
    int d1 = weighted(s, 0, 10, 9, 8, 7, 6, 5, 4, 3, 2) * 10 % 11 % 10;
    int d2 = weighted(s, 0, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2) * 10 % 11 % 10;
    return d1 == at(s, 9) && d2 == at(s, 10);
  }

  /** Brazil CNPJ: twelve characters (digits, or letters since 2026) and two mod-11 checks. */
  static boolean brCnpj(String s) {
    if (s.length() != 14 || !are(s.substring(12), 2) || Digits.repeated(s)) {
      return false;
    }
    int[] w1 = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    int[] w2 = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    return cnpjCheck(s, w1) == at(s, 12) && cnpjCheck(s, w2) == at(s, 13);
  }

  private static int cnpjCheck(String s, int[] w) {
    int sum = 0;
    for (int i = 0; i < w.length; i++) {
      char c = s.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        return -1;
      }
      sum += (c - '0') * w[i];
    }
    int check = 11 - sum % 11;
    return check >= 10 ? 0 : check;
  }

  private static final java.util.Set<String> MX_STATES =
      java.util.Set.of(
          "AS", "BC", "BS", "CC", "CL", "CM", "CS", "CH", "DF", "DG", "GT", "GR", "HG", "JC", "MC",
          "MN", "MS", "NT", "NL", "OC", "PL", "QT", "QR", "SP", "SL", "SR", "TC", "TS", "TL", "VZ",
          "YN", "ZS", "NE");

  private static final String MX_ALPHABET = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ";

  /** Mexico CURP: name letters, birth date, sex, state, consonants, homoclave and a check. */
  static boolean mxCurp(String s) {
    if (s.length() != 18
        || !s.substring(0, 4).chars().allMatch(Character::isLetter)
        || !are(s.substring(4, 10), 6)
        || "HMX".indexOf(s.charAt(10)) < 0
        || !MX_STATES.contains(s.substring(11, 13))
        || !Character.isDigit(s.charAt(17))) {
      return false;
    }
    int yy = number(s, 4, 6);
    int year = Character.isDigit(s.charAt(16)) ? 1900 + yy : 2000 + yy;
    if (!Digits.date(year, number(s, 6, 8), number(s, 8, 10))) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int v = MX_ALPHABET.indexOf(s.charAt(i));
      if (v < 0) {
        return false;
      }
      sum += v * (18 - i);
    }
    return (10 - sum % 10) % 10 == at(s, 17);
  }

  /** Mexico RFC: three (companies) or four (persons) letters, a date, a three-char homoclave. */
  static boolean mxRfc(String s) {
    int letters = s.length() - 9;
    if (letters != 3 && letters != 4 || !are(s.substring(letters, letters + 6), 6)) {
      return false;
    }
    for (int i = 0; i < letters; i++) {
      if (!Character.isLetter(s.charAt(i)) && s.charAt(i) != '&') {
        return false;
      }
    }
    for (int i = letters + 6; i < s.length(); i++) {
      if (!Character.isLetterOrDigit(s.charAt(i))) {
        return false;
      }
    }
    return Digits.date(
        2000, number(s, letters + 2, letters + 4), number(s, letters + 4, letters + 6));
  }

  private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  /** China's unified social credit code: eighteen chars, a region, a mod-31 check. */
  static boolean cnUscc(String s) {
    if (s.length() != 18 || !are(s.substring(2, 8), 6)) {
      return false;
    }
    int sum = 0;
    int weight = 1;
    for (int i = 0; i < 17; i++) {
      int v = USCC_ALPHABET.indexOf(s.charAt(i));
      if (v < 0) {
        return false;
      }
      sum += v * weight;
      weight = weight * 3 % 31;
    }
    return USCC_ALPHABET.charAt((31 - sum % 31) % 31) == s.charAt(17);
  }

  private static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /** India GSTIN: state, the holder's PAN, entity number, Z, a Luhn mod-36 check. */
  static boolean inGstin(String s) {
    if (s.length() != 15 || !are(s.substring(0, 2), 2) || s.charAt(13) != 'Z') {
      return false;
    }
    int state = number(s, 0, 2);
    if (state < 1 || state > 38 && state != 97 && state != 99) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 14; i++) {
      int v = ALNUM.indexOf(s.charAt(i));
      if (v < 0) {
        return false;
      }
      int product = v * (i % 2 == 0 ? 1 : 2);
      sum += product / 36 + product % 36;
    }
    return ALNUM.charAt((36 - sum % 36) % 36) == s.charAt(14);
  }

  /** Argentina CUIT/CUIL: kind, DNI, mod-11 check (a remainder of 10 becomes 9). */
  static boolean arCuit(String s) {
    if (!are(s, 11)) {
      return false;
    }
    int kind = number(s, 0, 2);
    if (kind != 20
        && kind != 23
        && kind != 24
        && kind != 27
        && kind != 30
        && kind != 33
        && kind != 34) {
      return false;
    }
    int rest = weighted(s, 0, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2) % 11;
    int check = rest == 0 ? 0 : rest == 1 ? 9 : 11 - rest;
    return check == at(s, 10);
  }

  /** Chile RUT/RUN: digits and a mod-11 check, K for 10. */
  static boolean clRut(String s) {
    int n = s.length() - 1;
    if (n < 7 || n > 8 || !are(s.substring(0, n), n)) {
      return false;
    }
    int sum = 0;
    for (int i = n - 1, w = 2; i >= 0; i--, w = w == 7 ? 2 : w + 1) {
      sum += at(s, i) * w;
    }
    return "0K987654321".charAt(sum % 11) == s.charAt(n);
  }

  /** Colombia NIT: up to fifteen digits and a check with prime weights from the right. */
  static boolean coNit(String s) {
    int n = s.length() - 1;
    if (n < 8 || n > 15 || !are(s, n + 1)) {
      return false;
    }
    int[] w = {3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71};
    int sum = 0;
    for (int i = 0; i < n; i++) {
      sum += at(s, n - 1 - i) * w[i];
    }
    return "01987654321".charAt(sum % 11) == s.charAt(n);
  }

  /** Peru RUC: kind (10, 15, 17, 20), eight digits, mod-11 check. */
  static boolean peRuc(String s) {
    if (!are(s, 11)
        || !(s.startsWith("10")
            || s.startsWith("15")
            || s.startsWith("17")
            || s.startsWith("20"))) {
      return false;
    }
    return (11 - weighted(s, 0, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2) % 11) % 10 == at(s, 10);
  }

  /** Venezuela RIF: kind letter, eight digits, mod-11 check. */
  static boolean veRif(String s) {
    if (s.length() != 10 || !are(s.substring(1), 9)) {
      return false;
    }
    int kind = "VEJPG".indexOf(s.charAt(0));
    if (kind < 0) {
      return false;
    }
    int sum = new int[] {4, 8, 12, 16, 20}[kind] + weighted(s, 1, 3, 2, 7, 6, 5, 4, 3, 2);
    return "00987654321".charAt(sum % 11) == s.charAt(9);
  }

  /** South Korea business registration number: ten digits, weighted mod 10. */
  static boolean krBrn(String s) {
    if (!are(s, 10) || s.startsWith("000")) {
      return false;
    }
    int sum = weighted(s, 0, 1, 3, 7, 1, 3, 7, 1, 3, 5) + at(s, 8) * 5 / 10;
    return (10 - sum % 10) % 10 == at(s, 9);
  }

  /** Japan corporate number: a leading check digit and twelve digits. */
  static boolean jpCorporate(String s) {
    if (!are(s, 13)) {
      return false;
    }
    int sum = 0;
    for (int i = 1; i < 13; i++) {
      sum += at(s, i) * ((13 - i) % 2 == 0 ? 2 : 1);
    }
    return 9 - sum % 9 == at(s, 0);
  }

  /** Japan My Number (individual number): eleven digits and a mod-11 check. */
  static boolean jpMyNumber(String s) {
    if (!are(s, 12)) {
      return false;
    }
    int rest = weighted(s, 0, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2) % 11;
    return (rest <= 1 ? 0 : 11 - rest) == at(s, 11);
  }

  /** Thai citizen (and company) number: thirteen digits, weights 13..2, mod 11. */
  static boolean thPin(String s) {
    if (!are(s, 13) || s.charAt(0) == '9') {
      return false;
    }
    int sum = weighted(s, 0, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2);
    return (11 - sum % 11) % 10 == at(s, 12);
  }

  /** Israel identity number (and companies' HP): nine digits, Luhn. */
  static boolean ilId(String s) {
    String padded = s.length() < 9 ? "0".repeat(9 - s.length()) + s : s;
    return are(padded, 9) && Digits.luhn(padded) && !Digits.repeated(padded);
  }

  /** Canada SIN: nine digits, Luhn, not starting 0 or 8. */
  static boolean caSin(String s) {
    return are(s, 9) && s.charAt(0) != '0' && s.charAt(0) != '8' && Digits.luhn(s);
  }

  /** Canada business number: nine digits (Luhn), a program (RC, RT, RP...) and four digits. */
  static boolean caBn(String s) {
    if (s.length() != 15 || !are(s.substring(0, 9), 9) || !are(s.substring(11), 4)) {
      return false;
    }
    String program = s.substring(9, 11);
    return Digits.luhn(s.substring(0, 9))
        && (program.equals("RC")
            || program.equals("RM")
            || program.equals("RP")
            || program.equals("RT")
            || program.equals("RZ")
            || program.equals("RR"));
  }

  /** Malaysia MyKad number: birth date, place of birth code, serial. */
  static boolean myNric(String s) {
    if (!are(s, 12)) {
      return false;
    }
    int yy = number(s, 0, 2);
    if (!Digits.date(1900 + yy, number(s, 2, 4), number(s, 4, 6))
        && !Digits.date(2000 + yy, number(s, 2, 4), number(s, 4, 6))) {
      return false;
    }
    int place = number(s, 6, 8);
    return place >= 1 && place <= 59 && place != 17 && place != 18 && place != 19 && place != 20
        || place >= 60 && place <= 99 && place != 80 && place != 81 && place != 94;
  }

  /** Ecuador cédula: province, a third digit below 6, Luhn-like over nine digits. */
  static boolean ecCi(String s) {
    if (!are(s, 10)) {
      return false;
    }
    int province = number(s, 0, 2);
    if (!(province >= 1 && province <= 24 || province == 30) || at(s, 2) > 5) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      int d = at(s, i) * (i % 2 == 0 ? 2 : 1);
      sum += d > 9 ? d - 9 : d;
    }
    return (10 - sum % 10) % 10 == at(s, 9);
  }

  /** Uruguay RUT: twelve digits, a department code, 001, and a mod-11 check. */
  static boolean uyRut(String s) {
    if (!are(s, 12) || !s.startsWith("001", 8) || s.startsWith("000000", 2)) {
      return false;
    }
    int department = number(s, 0, 2);
    if (department < 1 || department > 22) {
      return false;
    }
    int check = Math.floorMod(-weighted(s, 0, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2), 11);
    return check != 10 && check == at(s, 11);
  }

  /** Indonesia NPWP: fifteen digits, the first nine a Luhn number. */
  static boolean idNpwp(String s) {
    return are(s, 15) && Digits.luhn(s.substring(0, 9));
  }
}
