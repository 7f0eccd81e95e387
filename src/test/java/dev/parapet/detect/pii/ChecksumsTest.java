package dev.parapet.detect.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Published example identifiers pass; a changed digit fails. */
class ChecksumsTest {

  @Test
  void cards() {
    assertThat(IdChecks.card("4111111111111111")).isTrue();
    assertThat(IdChecks.card("4111111111111112")).isFalse();
    assertThat(IdChecks.card("378282246310005")).isTrue();
    assertThat(IdChecks.card("411111111111111111")).isFalse(); // Luhn may pass; no issuer uses 18
  }

  @Test
  void iban() {
    assertThat(Checksums.iban("GB82 WEST 1234 5698 7654 32")).isTrue();
    assertThat(Checksums.iban("GB83 WEST 1234 5698 7654 32")).isFalse();
    assertThat(Checksums.iban("DE89370400440532013000")).isTrue();
    assertThat(Checksums.iban("DE8937040044053201300")).isFalse(); // wrong length for DE
  }

  @Test
  void nationalIdentifiers() {
    assertThat(Checksums.gb11643("11010519491231002X")).isTrue();
    assertThat(Checksums.gb11643("110105194912310021")).isFalse();
    assertThat(Checksums.verhoeff("2363")).isTrue();
    assertThat(Checksums.verhoeff("2364")).isFalse();
    assertThat(Checksums.nhs("9434765919")).isTrue();
    assertThat(Checksums.nhs("9434765918")).isFalse();
    assertThat(Checksums.dea("AB1234563")).isTrue();
    assertThat(Checksums.dea("AB1234564")).isFalse();
    assertThat(Checksums.nric("S1234567D")).isTrue();
    assertThat(Checksums.nric("S1234567E")).isFalse();
    assertThat(Checksums.hetu("131052-308T")).isTrue();
    assertThat(Checksums.hetu("131052-308U")).isFalse();
    assertThat(Checksums.nif("12345678Z")).isTrue();
    assertThat(Checksums.nif("12345678A")).isFalse();
    assertThat(Checksums.italianFiscalCode("RSSMRA85T10A562S")).isTrue();
    assertThat(Checksums.italianFiscalCode("RSSMRA85T10A562T")).isFalse();
    assertThat(Checksums.pesel("44051401359")).isTrue();
    assertThat(Checksums.pesel("44051401358")).isFalse();
    assertThat(Checksums.abn("51824753556")).isTrue();
    assertThat(Checksums.abn("51824753557")).isFalse();
    assertThat(Checksums.acn("004085616")).isTrue();
    assertThat(Checksums.tfn("123456782")).isTrue();
    assertThat(Checksums.tfn("123456783")).isFalse();
  }

  @Test
  void socialSecurityNumbersExcludeUnassignedRanges() {
    assertThat(Checksums.ssn("536904399")).isTrue();
    assertThat(Checksums.ssn("000123456")).isFalse();
    assertThat(Checksums.ssn("666123456")).isFalse();
    assertThat(Checksums.ssn("912123456")).isFalse();
    assertThat(Checksums.ssn("536004399")).isFalse();
    assertThat(Checksums.ssn("536900000")).isFalse();
  }

  @Test
  void bitcoinAddresses() {
    assertThat(Checksums.base58Check("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2")).isTrue();
    assertThat(Checksums.base58Check("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3")).isFalse();
    assertThat(Checksums.bech32("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).isTrue();
    assertThat(Checksums.bech32("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5")).isFalse();
  }
}
