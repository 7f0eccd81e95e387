package dev.parapet.detect.pii;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Small arithmetic the national check-digit rules share. */
final class Digits {

  private Digits() {}

  /** Whether {@code s} is {@code length} ASCII digits. */
  static boolean are(String s, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  static int at(String s, int i) {
    return s.charAt(i) - '0';
  }

  /** The sum of {@code weights[i] * digit[from + i]}. */
  static int weighted(String s, int from, int... weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i] * at(s, from + i);
    }
    return sum;
  }

  static int number(String s, int from, int to) {
    return Integer.parseInt(s.substring(from, to));
  }

  /** Whether {@code year-month-day} is a day of the calendar. */
  static boolean date(int year, int month, int day) {
    try {
      LocalDate.of(year, month, day);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** ISO 7064 MOD 11,10 (German VAT and tax id, Croatian OIB): all digits, the check last. */
  static boolean mod11x10(String s) {
    int product = 10;
    for (int i = 0; i < s.length() - 1; i++) {
      int sum = (at(s, i) + product) % 10;
      product = (sum == 0 ? 10 : sum) * 2 % 11;
    }
    return (11 - product) % 10 == at(s, s.length() - 1);
  }

  /** The Luhn sum of {@code s} (all digits), the last digit not doubled. */
  static int luhnSum(String s) {
    int sum = 0;
    for (int i = s.length() - 1, k = 0; i >= 0; i--, k++) {
      int d = at(s, i);
      if (k % 2 == 1) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return sum;
  }

  static boolean luhn(String s) {
    return s.length() > 1 && luhnSum(s) % 10 == 0;
  }

  /** Mod 97 of a long run of digits. */
  static int mod97(String s) {
    int rest = 0;
    for (int i = 0; i < s.length(); i++) {
      rest = (rest * 10 + at(s, i)) % 97;
    }
    return rest;
  }

  /** Whether every char is the same, as in 0000000000, which many mod-11 rules accept. */
  static boolean repeated(String s) {
    return IdChecks.repeated(s);
  }
}
