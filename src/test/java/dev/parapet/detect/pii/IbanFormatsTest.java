package dev.parapet.detect.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** IBANs whose mod 97 holds are still held to their country's account structure. */
class IbanFormatsTest {

  /** The IBAN of {@code country} and {@code bban} with its check digits computed here. */
  private static String iban(String country, String bban) {
    int check = 98 - Checksums.mod97(bban + country + "00");
    return country + String.format(Locale.ROOT, "%02d", check) + bban;
  }

  @Test
  void anAccountOfItsCountrysShapePasses() {
    assertThat(Checksums.iban(iban("NL", "ABNA0417164300"))).isTrue();
    assertThat(Checksums.iban(iban("DE", "370400440532013000"))).isTrue();
  }

  @Test
  void aLetterWhereTheAccountHasDigitsFailsThoughMod97Holds() {
    String dutch = iban("NL", "ABNA04171643A0");
    String german = iban("DE", "3704004405320130X0");

    assertThat(Checksums.mod97(dutch.substring(4) + dutch.substring(0, 4))).isEqualTo(1);
    assertThat(Checksums.iban(dutch)).isFalse();
    assertThat(Checksums.iban(german)).isFalse();
  }

  @Test
  void aCountryOutsideTheTableIsJudgedByMod97Alone() {
    assertThat(IbanFormats.structured("SC18SSCB11010000000000001497USD")).isTrue();
  }

  @Test
  void aSpanishAccountMustPassItsTwoControlDigits() {
    // bank 2100, branch 0418, control 45, account 0200051332: both controls worked out by hand
    assertThat(Checksums.iban(iban("ES", "21000418450200051332"))).isTrue();
    assertThat(Checksums.iban(iban("ES", "21000418460200051332"))).isFalse(); // bank's control
    assertThat(Checksums.iban(iban("ES", "21000418440200051332"))).isFalse(); // account's
  }

  @Test
  void aBelgianAccountMustPassItsMod97Pair() {
    assertThat(Checksums.iban(iban("BE", "539007547034"))).isTrue();
    assertThat(Checksums.iban(iban("BE", "539007547035"))).isFalse();
    // a remainder of 0 is written 97
    assertThat(IbanFormats.nationalCheck("BE00" + "000000009797")).isTrue();
  }

  @Test
  void aNorwegianAccountMustPassItsMod11Digit() {
    assertThat(Checksums.iban(iban("NO", "86011117947"))).isTrue();
    assertThat(Checksums.iban(iban("NO", "86011117946"))).isFalse();
  }

  @Test
  void aMontenegrinOrPortugueseAccountIsMod97AsAWhole() {
    assertThat(Checksums.iban(iban("ME", "505000012345678951"))).isTrue();
    assertThat(Checksums.iban(iban("ME", "505000012345678952"))).isFalse();
    assertThat(Checksums.iban(iban("PT", "000201231234567890154"))).isTrue();
    assertThat(Checksums.iban(iban("PT", "000201231234567890155"))).isFalse();
  }

  @Test
  void countriesWithoutNationalDigitsAreLeftToMod97() {
    assertThat(IbanFormats.nationalCheck("DE00370400440532013000")).isTrue();
  }
}
