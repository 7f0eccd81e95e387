package dev.parapet.detect.pii;

import dev.parapet.digest.Sha256;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Check-digit algorithms of the identifiers Parapet validates; each takes digits or letters only.
 */
final class Checksums {

  private Checksums() {}

  static String digits(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        out.append(c);
      }
    }
    return out.toString();
  }

  static String alnumUpper(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c) && c < 128) {
        out.append(Character.toUpperCase(c));
      }
    }
    return out.toString();
  }

  static boolean luhn(String digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return digits.length() > 1 && sum % 10 == 0;
  }

  /**
   * Lengths by country: the SWIFT IBAN registry, and the countries that issue IBANs outside it
   * (several African states, Algeria, Iran, Honduras).
   */
  private static final Map<String, Integer> IBAN_LENGTHS =
      ibanLengths(
          "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30 AO25 BF28 BJ28 CF27 CG27 CI28 CM27 CV25 DZ26 GA27 GQ27 GW25 HN28 IR26 KM27 MA28 MG27 ML28 MZ25 NE28 SN28 TD27 TG28");

  private static Map<String, Integer> ibanLengths(String table) {
    Map<String, Integer> out = new java.util.HashMap<>();
    for (String entry : table.split(" ")) {
      out.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
    }
    return Map.copyOf(out);
  }

  /** ISO 13616: known country, its length, and mod 97 of the rearranged number is 1. */
  static boolean iban(String raw) {
    String s = alnumUpper(raw);
    if (s.length() < 15 || !Character.isLetter(s.charAt(0)) || !Character.isLetter(s.charAt(1))) {
      return false;
    }
    Integer length = IBAN_LENGTHS.get(s.substring(0, 2));
    if (length == null || length != s.length()) {
      return false;
    }
    return mod97(s.substring(4) + s.substring(0, 4)) == 1
        && IbanFormats.structured(s)
        && IbanFormats.nationalCheck(s);
  }

  static int mod97(String alnum) {
    int rest = 0;
    for (int i = 0; i < alnum.length(); i++) {
      char c = alnum.charAt(i);
      int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
      rest = v >= 10 ? (rest * 100 + v) % 97 : (rest * 10 + v) % 97;
    }
    return rest;
  }

  private static final int[][] VERHOEFF_D = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
    {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
    {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
    {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}
  };
  private static final int[][] VERHOEFF_P = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
    {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
    {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}
  };

  static boolean verhoeff(String digits) {
    int c = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      c = VERHOEFF_D[c][VERHOEFF_P[i % 8][d]];
    }
    return c == 0;
  }

  private static final int[] GB11643_WEIGHTS = {
    7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2
  };
  private static final char[] GB11643_CHECK = "10X98765432".toCharArray();

  /** China's resident identity number: 17 digits, a check character, a real birth date. */
  static boolean gb11643(String raw) {
    String s = raw.toUpperCase(Locale.ROOT);
    if (s.length() != 18 || !s.substring(0, 17).chars().allMatch(Character::isDigit)) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (s.charAt(i) - '0') * GB11643_WEIGHTS[i];
    }
    return GB11643_CHECK[sum % 11] == s.charAt(17)
        && date(s.substring(6, 14), "yyyyMMdd")
        && CN_PROVINCES.contains(s.substring(0, 2));
  }

  /** The first two digits of a resident id: the province of registration (GB/T 2260). */
  private static final java.util.Set<String> CN_PROVINCES =
      java.util.Set.of(
          "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
          "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
          "65", "71", "81", "82", "83", "91");

  /** UK NHS number: mod 11 with weights 10..2; a check of 10 is invalid. */
  static boolean nhs(String digits) {
    if (digits.length() != 10) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    check = check == 11 ? 0 : check;
    return check != 10 && check == digits.charAt(9) - '0';
  }

  /** DEA registration number: two letters, seven digits, the last a weighted check. */
  static boolean dea(String raw) {
    String s = raw.toUpperCase(Locale.ROOT);
    if (s.length() != 9) {
      return false;
    }
    String d = s.substring(2);
    int sum =
        (d.charAt(0) - '0')
            + (d.charAt(2) - '0')
            + (d.charAt(4) - '0')
            + 2 * ((d.charAt(1) - '0') + (d.charAt(3) - '0') + (d.charAt(5) - '0'));
    return sum % 10 == d.charAt(6) - '0';
  }

  /** US SSN: no area 000, 666 or 900-999, no group 00, no serial 0000. */
  static boolean ssn(String digits) {
    if (digits.length() != 9) {
      return false;
    }
    int area = Integer.parseInt(digits.substring(0, 3));
    int group = Integer.parseInt(digits.substring(3, 5));
    int serial = Integer.parseInt(digits.substring(5));
    return area != 0
        && area != 666
        && area < 900
        && group != 0
        && serial != 0
        && !digits.equals("123456789")
        && !digits.chars().allMatch(c -> c == digits.charAt(0));
  }

  static boolean pesel(String digits) {
    if (digits.length() != 11) {
      return false;
    }
    int[] w = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += (digits.charAt(i) - '0') * w[i];
    }
    int month = Integer.parseInt(digits.substring(2, 4)) % 20;
    return (10 - sum % 10) % 10 == digits.charAt(10) - '0' && month >= 1 && month <= 12;
  }

  /** Finnish HETU: DDMMYY, century sign, three digits, a mod 31 check character. */
  static boolean hetu(String raw) {
    String s = raw.toUpperCase(Locale.ROOT);
    if (s.length() != 11 || "+-ABCDEFUVWXY".indexOf(s.charAt(6)) < 0) {
      return false;
    }
    String number = s.substring(0, 6) + s.substring(7, 10);
    if (!number.chars().allMatch(Character::isDigit)
        || !date(s.substring(0, 4) + "20" + s.substring(4, 6), "ddMMyyyy")) {
      return false;
    }
    if (s.startsWith("00", 7) && s.charAt(9) < '2') { // individual numbers start at 002
      return false;
    }
    if (s.charAt(7) == '9') { // 900-999 are temporary numbers, not a person's code
      return false;
    }
    return "0123456789ABCDEFHJKLMNPRSTUVWXY".charAt((int) (Long.parseLong(number) % 31))
        == s.charAt(10);
  }

  /** Spanish DNI/NIF (8 digits + letter) and NIE (X/Y/Z + 7 digits + letter): mod 23 letter. */
  static boolean nif(String raw) {
    String s = raw.toUpperCase(Locale.ROOT);
    if (s.length() != 9) {
      return false;
    }
    String body = s.substring(0, 8);
    char first = body.charAt(0);
    if (first == 'X' || first == 'Y' || first == 'Z') {
      body = (first - 'X') + body.substring(1);
    }
    if (!body.chars().allMatch(Character::isDigit)) {
      return false;
    }
    return "TRWAGMYFPDXBNJZSQVHLCKE".charAt(Integer.parseInt(body) % 23) == s.charAt(8);
  }

  private static final int[] IT_ODD = {
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
  };

  /** Italian codice fiscale: 15 characters and a check letter from odd/even tables. */
  static boolean italianFiscalCode(String raw) {
    String s = raw.toUpperCase(Locale.ROOT);
    if (s.length() != 16) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char c = s.charAt(i);
      int v = Character.isDigit(c) ? c - '0' : c - 'A';
      if (v < 0 || v > 25) {
        return false;
      }
      sum += i % 2 == 0 ? IT_ODD[v] : v;
    }
    return (char) ('A' + sum % 26) == s.charAt(15);
  }

  /** Singapore NRIC/FIN: prefix, seven digits, weighted check letter. */
  static boolean nric(String raw) {
    String s = raw.toUpperCase(Locale.ROOT);
    if (s.length() != 9 || "STFGM".indexOf(s.charAt(0)) < 0) {
      return false;
    }
    int[] w = {2, 7, 6, 5, 4, 3, 2};
    int sum = 0;
    for (int i = 0; i < 7; i++) {
      char c = s.charAt(i + 1);
      if (!Character.isDigit(c)) {
        return false;
      }
      sum += (c - '0') * w[i];
    }
    char p = s.charAt(0);
    sum += p == 'T' || p == 'G' ? 4 : p == 'M' ? 3 : 0;
    String letters =
        p == 'S' || p == 'T' ? "JZIHGFEDCBA" : p == 'M' ? "XWUTRQPNJLK" : "XWUTRQPNMLK";
    return letters.charAt(sum % 11) == s.charAt(8);
  }

  static boolean abn(String digits) {
    if (digits.length() != 11) {
      return false;
    }
    int[] w = {10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19};
    int sum = 0;
    for (int i = 0; i < 11; i++) {
      int d = digits.charAt(i) - '0' - (i == 0 ? 1 : 0);
      sum += d * w[i];
    }
    return sum % 89 == 0;
  }

  static boolean acn(String digits) {
    if (digits.length() != 9) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (digits.charAt(i) - '0') * (8 - i);
    }
    return (10 - sum % 10) % 10 == digits.charAt(8) - '0';
  }

  static boolean tfn(String digits) {
    int[] w =
        digits.length() == 9
            ? new int[] {1, 4, 3, 7, 5, 8, 6, 9, 10}
            : new int[] {10, 7, 8, 4, 6, 3, 5, 1};
    if (digits.length() != 9 && digits.length() != 8) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < w.length; i++) {
      sum += (digits.charAt(i) - '0') * w[i];
    }
    return sum % 11 == 0;
  }

  static boolean medicare(String digits) {
    if (digits.length() != 10 && digits.length() != 11
        || digits.charAt(0) < '2'
        || digits.charAt(0) > '6') {
      return false;
    }
    int[] w = {1, 3, 7, 9, 1, 3, 7, 9};
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (digits.charAt(i) - '0') * w[i];
    }
    return sum % 10 == digits.charAt(8) - '0';
  }

  /** Korean resident registration number: date of birth, gender digit, weighted check. */
  static boolean rrn(String digits) {
    if (digits.length() != 13 || !digits.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int[] w = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (digits.charAt(i) - '0') * w[i];
    }
    // the seventh digit gives sex and century: 9/0 the 1800s, 1/2/5/6 the 1900s, 3/4/7/8 the 2000s
    char sex = digits.charAt(6);
    String century = "90".indexOf(sex) >= 0 ? "18" : "1256".indexOf(sex) >= 0 ? "19" : "20";
    // digits 8-9 name the place of registration, 00-96
    return (11 - sum % 11) % 10 == digits.charAt(12) - '0'
        && Integer.parseInt(digits.substring(7, 9)) <= 96
        && date(century + digits.substring(0, 6), "yyyyMMdd");
  }

  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  /** Bitcoin legacy address: base58 with a double-SHA-256 checksum. */
  static boolean base58Check(String s) {
    BigInteger n = BigInteger.ZERO;
    for (int i = 0; i < s.length(); i++) {
      int v = BASE58.indexOf(s.charAt(i));
      if (v < 0) {
        return false;
      }
      n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(v));
    }
    byte[] raw = n.toByteArray();
    int leadingZeros = 0;
    while (leadingZeros < s.length() && s.charAt(leadingZeros) == '1') {
      leadingZeros++;
    }
    byte[] body = raw.length > 0 && raw[0] == 0 ? Arrays.copyOfRange(raw, 1, raw.length) : raw;
    byte[] full = new byte[leadingZeros + body.length];
    System.arraycopy(body, 0, full, leadingZeros, body.length);
    if (full.length != 25) {
      return false;
    }
    byte[] hash = sha256(sha256(Arrays.copyOf(full, 21)));
    return Arrays.equals(Arrays.copyOfRange(hash, 0, 4), Arrays.copyOfRange(full, 21, 25));
  }

  private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

  /** Bech32 / bech32m checksum of a segwit address ("bc1…"). */
  static boolean bech32(String raw) {
    String s = raw.toLowerCase(Locale.ROOT);
    int sep = s.lastIndexOf('1');
    if (sep < 1 || s.length() - sep < 7) {
      return false;
    }
    int[] values = new int[s.length() - sep - 1];
    for (int i = 0; i < values.length; i++) {
      values[i] = BECH32.indexOf(s.charAt(sep + 1 + i));
      if (values[i] < 0) {
        return false;
      }
    }
    String hrp = s.substring(0, sep);
    int[] expanded = new int[hrp.length() * 2 + 1 + values.length];
    for (int i = 0; i < hrp.length(); i++) {
      expanded[i] = hrp.charAt(i) >> 5;
      expanded[i + hrp.length() + 1] = hrp.charAt(i) & 31;
    }
    System.arraycopy(values, 0, expanded, hrp.length() * 2 + 1, values.length);
    int chk = polymod(expanded);
    return chk == 1 || chk == 0x2bc830a3;
  }

  private static int polymod(int[] values) {
    int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int chk = 1;
    for (int v : values) {
      int top = chk >>> 25;
      chk = (chk & 0x1ffffff) << 5 ^ v;
      for (int i = 0; i < 5; i++) {
        if ((top >>> i & 1) != 0) {
          chk ^= gen[i];
        }
      }
    }
    return chk;
  }

  static byte[] sha256(byte[] in) {
    return Sha256.newDigest().digest(in);
  }

  static boolean date(String value, String pattern) {
    try {
      int y;
      int m;
      int d;
      if (pattern.equals("yyyyMMdd")) {
        y = Integer.parseInt(value.substring(0, 4));
        m = Integer.parseInt(value.substring(4, 6));
        d = Integer.parseInt(value.substring(6, 8));
      } else {
        d = Integer.parseInt(value.substring(0, 2));
        m = Integer.parseInt(value.substring(2, 4));
        y = Integer.parseInt(value.substring(4, 8));
      }
      LocalDate.of(y, m, d);
      return y >= 1800 && y <= 2100;
    } catch (NumberFormatException | DateTimeException e) {
      return false;
    }
  }
}
