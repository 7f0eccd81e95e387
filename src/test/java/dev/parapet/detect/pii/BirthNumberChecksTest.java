package dev.parapet.detect.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The parts of personal numbers besides the check digit that a real number must have: Finland's
 * individual number below 900, Korea's place of registration up to 96, Norway's birth date in the
 * past. Each number here gets a correct check digit, so only the part under test can fail it.
 */
class BirthNumberChecksTest {

  private static final String HETU_CHECKS = "0123456789ABCDEFHJKLMNPRSTUVWXY";

  private static String hetu(String date, char century, String individual) {
    return date
        + century
        + individual
        + HETU_CHECKS.charAt((int) (Long.parseLong(date + individual) % 31));
  }

  @Test
  void aFinnishTemporaryNumberIsNoPersonsCode() {
    assertThat(Checksums.hetu("131052-308T")).isTrue();
    assertThat(Checksums.hetu(hetu("131052", '-', "899"))).isTrue();
    assertThat(Checksums.hetu(hetu("131052", '-', "900"))).isFalse();
    assertThat(Checksums.hetu(hetu("010199", 'A', "999"))).isFalse();
  }

  /** The first twelve digits with the one check digit that makes them pass, found by trying. */
  private static String completed(String twelve, Predicate<String> check) {
    for (char d = '0'; d <= '9'; d++) {
      if (check.test(twelve + d)) {
        return twelve + d;
      }
    }
    return null;
  }

  private static boolean rrnChecksumOnly(String thirteen) {
    int[] w = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (thirteen.charAt(i) - '0') * w[i];
    }
    return (11 - sum % 11) % 10 == thirteen.charAt(12) - '0';
  }

  @Test
  void aKoreanPlaceOfRegistrationAbove96IsNoRrn() {
    String fine = completed("8501261" + "96123", BirthNumberChecksTest::rrnChecksumOnly);
    String beyond = completed("8501261" + "97123", BirthNumberChecksTest::rrnChecksumOnly);

    assertThat(Checksums.rrn(Checksums.digits(fine))).isTrue();
    assertThat(Checksums.rrn(Checksums.digits(beyond))).isFalse();
  }

  private static String fodselsnummer(String nine) {
    int k1 = (11 - weighted(nine, 3, 7, 6, 1, 8, 9, 4, 5, 2) % 11) % 11;
    String ten = nine + k1;
    int k2 = (11 - weighted(ten, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2) % 11) % 11;
    return ten + k2;
  }

  private static int weighted(String digits, int... weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += (digits.charAt(i) - '0') * weights[i];
    }
    return sum;
  }

  @Test
  void aNorwegianNumberBornInTheFutureIsNoPersonsNumber() {
    // individual 200-499 says the 1900s; 500-749 with a year up to 39 says the 2000s
    String past = fodselsnummer("250537" + "312");
    String future = fodselsnummer("250537" + "613");
    String recent = fodselsnummer("250512" + "612");
    Predicate<String> check = Validators.BY_NAME.get("no-fodselsnummer");

    assertThat(past).hasSize(11);
    assertThat(check.test(past)).as(past).isTrue();
    assertThat(check.test(recent)).as(recent).isTrue();
    assertThat(check.test(future)).as(future).isFalse();
  }
}
