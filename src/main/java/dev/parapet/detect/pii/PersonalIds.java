package dev.parapet.detect.pii;

import static dev.parapet.detect.pii.Digits.are;
import static dev.parapet.detect.pii.Digits.at;
import static dev.parapet.detect.pii.Digits.number;
import static dev.parapet.detect.pii.Digits.weighted;

/**
 * European national personal numbers, most of them a birth date and a check digit, each as its
 * issuing registry describes it. Each takes the number upper case, separators removed.
 */
final class PersonalIds {

  private PersonalIds() {}

  /** Bulgaria EGN: birth date (month +20 for the 1800s, +40 for the 2000s), weighted mod 11. */
  static boolean bgEgn(String s) {
    if (!are(s, 10)) {
      return false;
    }
    int month = number(s, 2, 4);
    int year = 1900 + number(s, 0, 2);
    if (month > 40) {
      year += 100;
      month -= 40;
    } else if (month > 20) {
      year -= 100;
      month -= 20;
    }
    return Digits.date(year, month, number(s, 4, 6))
        && weighted(s, 0, 2, 4, 8, 5, 10, 9, 7, 3, 6) % 11 % 10 == at(s, 9);
  }

  /**
   * Czech and Slovak birth number (rodné číslo): YYMMDD (women +50 on the month, +20 since 2004)
   * and three digits before 1954, four and a mod-11 check since.
   */
  static boolean birthNumber(String s) {
    if (!are(s, 9) && !are(s, 10)) {
      return false;
    }
    int yy = number(s, 0, 2);
    int year = s.length() == 9 ? (yy >= 80 ? 1800 : 1900) + yy : yy < 54 ? 2000 + yy : 1900 + yy;
    if (s.length() == 9 && year >= 1954) {
      return false;
    }
    int month = number(s, 2, 4) % 50;
    month = month > 20 ? month - 20 : month;
    if (!Digits.date(year, month, number(s, 4, 6))) {
      return false;
    }
    if (s.length() == 9) {
      return true;
    }
    long value = Long.parseLong(s);
    return value % 11 == 0 || Long.parseLong(s.substring(0, 9)) % 11 == 10 && s.charAt(9) == '0';
  }

  /** French SIREN: nine digits, Luhn. */
  static boolean siren(String s) {
    return are(s, 9) && Digits.luhn(s);
  }

  /** Irish PPS number (and the VAT number that shares it): seven digits, a check letter, an A-W. */
  static boolean ppsCheck(String s) {
    if (s.length() != 8 && s.length() != 9 || !are(s.substring(0, 7), 7)) {
      return false;
    }
    int sum = weighted(s, 0, 8, 7, 6, 5, 4, 3, 2);
    if (s.length() == 9) {
      int extra = "WABCDEFGHI".indexOf(s.charAt(8));
      if (extra < 0) {
        return false;
      }
      sum += 9 * extra;
    }
    return "WABCDEFGHIJKLMNOPQRSTUV".charAt(sum % 23) == s.charAt(7);
  }

  /** The Estonian and Lithuanian check: weights 1..9 then, on a remainder of 10, 3..9, 1, 2. */
  static boolean balticCheck(String s) {
    int n = s.length() - 1;
    int sum = 0;
    for (int i = 0; i < n; i++) {
      sum += (i % 9 + 1) * at(s, i);
    }
    int check = sum % 11;
    if (check == 10) {
      sum = 0;
      for (int i = 0; i < n; i++) {
        sum += ((i + 2) % 9 + 1) * at(s, i);
      }
      check = sum % 11 % 10;
    }
    return check == at(s, n);
  }

  /** Estonian and Lithuanian personal code: sex and century, birth date, serial, check. */
  static boolean balticPersonalCode(String s) {
    if (!are(s, 11) || s.charAt(0) == '0' || !balticCheck(s)) {
      return false;
    }
    if (s.charAt(0) == '9') {
      return true; // Lithuania: codes given without a birth date
    }
    int century = 1800 + (at(s, 0) - 1) / 2 * 100;
    return Digits.date(century + number(s, 1, 3), number(s, 3, 5), number(s, 5, 7));
  }

  /** The Dutch eleven-test: nine digits, weights 9..2 and -1, a multiple of 11. */
  static boolean elevenTest(String s) {
    return are(s, 9) && (weighted(s, 0, 9, 8, 7, 6, 5, 4, 3, 2) - at(s, 8)) % 11 == 0;
  }

  /** Dutch BSN: eight or nine digits, the eleven-test, not all zero. */
  static boolean nlBsn(String raw) {
    String s = raw.length() == 8 ? "0" + raw : raw;
    return elevenTest(s) && !Digits.repeated(s);
  }

  /** Romania CNP: sex/century, birth date, county, serial, weighted mod 11 (10 becomes 1). */
  static boolean roCnp(String s) {
    if (!are(s, 13) || s.charAt(0) == '0') {
      return false;
    }
    int check = weighted(s, 0, 2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9) % 11;
    if ((check == 10 ? 1 : check) != at(s, 12)) {
      return false;
    }
    int century =
        switch (s.charAt(0)) {
          case '1', '2' -> 1900;
          case '3', '4' -> 1800;
          case '5', '6' -> 2000;
          default -> 1900;
        };
    int county = number(s, 7, 9);
    boolean knownCounty =
        county >= 1 && county <= 52 || county == 70 || county >= 80 && county <= 83;
    return knownCounty && Digits.date(century + number(s, 1, 3), number(s, 3, 5), number(s, 5, 7));
  }

  /** Swedish personnummer: YYMMDD (day +60 for a co-ordination number), serial, Luhn. */
  static boolean sePersonnummer(String raw) {
    String s = raw.length() == 12 ? raw.substring(2) : raw;
    if (!are(s, 10) || !Digits.luhn(s)) {
      return false;
    }
    int day = number(s, 4, 6);
    day = day > 60 ? day - 60 : day;
    int year = raw.length() == 12 ? number(raw, 0, 4) : 2000 + number(s, 0, 2);
    // a ten-digit number does not say its century: any year that has the day will do
    return Digits.date(year, number(s, 2, 4), day)
        || raw.length() == 10 && Digits.date(year - 100, number(s, 2, 4), day);
  }

  /** Norwegian fødselsnummer (and D/H numbers): birth date and two mod-11 checks. */
  static boolean noFodselsnummer(String s) {
    if (!are(s, 11)) {
      return false;
    }
    int k1 = (11 - weighted(s, 0, 3, 7, 6, 1, 8, 9, 4, 5, 2) % 11) % 11;
    int k2 = (11 - weighted(s, 0, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2) % 11) % 11;
    if (k1 == 10 || k2 == 10 || k1 != at(s, 9) || k2 != at(s, 10)) {
      return false;
    }
    int day = number(s, 0, 2) % 40;
    int month = number(s, 2, 4) % 40;
    int yy = number(s, 4, 6);
    int individual = number(s, 6, 9);
    // the individual number says the century
    int century;
    if (individual <= 499) {
      century = 1900;
    } else if (individual >= 900 && yy >= 40) {
      century = 1900;
    } else if (yy <= 39) {
      century = 2000;
    } else if (individual <= 749 && yy >= 54) {
      century = 1800;
    } else {
      return false;
    }
    // a birth date still to come is a wrong century, not a person
    return century + yy <= java.time.Year.now(java.time.ZoneOffset.UTC).getValue()
        && Digits.date(century + yy, month, day);
  }

  /** Danish CPR: DDMMYY and four digits; the mod-11 check was given up in 2007. */
  static boolean dkCpr(String s) {
    return are(s, 10) && Digits.date(2000, number(s, 2, 4), number(s, 0, 2));
  }

  /** French NIR (sécurité sociale): sex, year, month, place, serial and a mod-97 key. */
  static boolean frNir(String s) {
    if (s.length() != 15 || "12378".indexOf(s.charAt(0)) < 0) {
      return false;
    }
    String body = s.substring(0, 13);
    // Corsica's departments 2A and 2B count as 19 and 18 in the key
    if (body.startsWith("2A", 5)) {
      body = body.substring(0, 5) + "19" + body.substring(7);
    } else if (body.startsWith("2B", 5)) {
      body = body.substring(0, 5) + "18" + body.substring(7);
    }
    if (!are(body, 13) || !are(s.substring(13), 2)) {
      return false;
    }
    int month = number(s, 3, 5);
    if (!(month >= 1 && month <= 12 || month >= 20)) {
      return false;
    }
    return 97 - Long.parseLong(body) % 97 == number(s, 13, 15);
  }

  /** Belgian national number (and BIS number): birth date, serial, 97 minus mod 97. */
  static boolean beNationalNumber(String s) {
    if (!are(s, 11)) {
      return false;
    }
    long body = Long.parseLong(s.substring(0, 9));
    int check = number(s, 9, 11);
    return 97 - body % 97 == check || 97 - (2_000_000_000L + body) % 97 == check;
  }

  /** Slovenian EMŠO: DDMMYYY, register, serial, weighted mod 11. */
  static boolean siEmso(String s) {
    if (!are(s, 13)) {
      return false;
    }
    int check = (11 - weighted(s, 0, 7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2) % 11) % 11;
    int year = number(s, 4, 7) + (s.charAt(4) == '0' ? 2000 : 1000);
    return check != 10 && check == at(s, 12) && Digits.date(year, number(s, 2, 4), number(s, 0, 2));
  }

  /** Swiss AHV/AVS number: 756 and an EAN-13 check. */
  static boolean chAhv(String s) {
    return are(s, 13) && s.startsWith("756") && ean13(s);
  }

  static boolean ean13(String s) {
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += at(s, i) * (i % 2 == 0 ? 1 : 3);
    }
    return (10 - sum % 10) % 10 == at(s, 12);
  }

  /** Turkish T.C. Kimlik No: eleven digits, no leading zero, two checks. */
  static boolean trKimlik(String s) {
    if (!are(s, 11) || s.charAt(0) == '0') {
      return false;
    }
    int odd = at(s, 0) + at(s, 2) + at(s, 4) + at(s, 6) + at(s, 8);
    int even = at(s, 1) + at(s, 3) + at(s, 5) + at(s, 7);
    int sum10 = 0;
    for (int i = 0; i < 10; i++) {
      sum10 += at(s, i);
    }
    return Math.floorMod(odd * 7 - even, 10) == at(s, 9) && sum10 % 10 == at(s, 10);
  }

  /** Icelandic kennitala: DDMMYY (+40 for companies), two digits, check, century digit. */
  static boolean isKennitala(String s) {
    if (!are(s, 10) || "980".indexOf(s.charAt(9)) < 0) {
      return false;
    }
    int check = (11 - weighted(s, 0, 3, 2, 7, 6, 5, 4, 3, 2) % 11) % 11;
    int day = number(s, 0, 2);
    day = day > 40 ? day - 40 : day;
    return check != 10 && check == at(s, 8) && Digits.date(2000, number(s, 2, 4), day);
  }

  /** Greek AMKA: DDMMYY and Luhn. */
  static boolean grAmka(String s) {
    return are(s, 11) && Digits.luhn(s) && Digits.date(2000, number(s, 2, 4), number(s, 0, 2));
  }

  /** South African identity number: YYMMDD, serial, citizenship 0-2, Luhn. */
  static boolean zaId(String s) {
    return are(s, 13)
        && "012".indexOf(s.charAt(10)) >= 0
        && Digits.luhn(s)
        && Digits.date(2000, number(s, 2, 4), number(s, 4, 6));
  }

  /** German Steuer-IdNr: eleven digits, one digit repeated two or three times, MOD 11,10. */
  static boolean deIdnr(String s) {
    if (!are(s, 11) || s.charAt(0) == '0' || !Digits.mod11x10(s)) {
      return false;
    }
    int[] counts = new int[10];
    for (int i = 0; i < 10; i++) {
      counts[at(s, i)]++;
    }
    int repeated = 0;
    for (int c : counts) {
      if (c > 3) {
        return false;
      }
      repeated += c > 1 ? 1 : 0;
    }
    return repeated == 1;
  }

  /** Polish REGON: nine digits (or fourteen for a local unit), weighted mod 11. */
  static boolean plRegon(String s) {
    if (are(s, 14)) {
      return weighted(s, 0, 2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8) % 11 % 10 == at(s, 13)
          && plRegon(s.substring(0, 9));
    }
    return are(s, 9) && weighted(s, 0, 8, 9, 2, 3, 4, 5, 6, 7) % 11 % 10 == at(s, 8);
  }
}
