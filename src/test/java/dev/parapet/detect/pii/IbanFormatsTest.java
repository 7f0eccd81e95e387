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
}
