package dev.parapet.detect.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Eip55Test {

  @Test
  void keccakOfTheEmptyStringIsEthereumsKnownValue() {
    assertThat(HexFormat.of().formatHex(Eip55.keccak256(new byte[0])))
        .isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  }

  @Test
  void mixedCaseMustCarryTheChecksum() {
    assertThat(Eip55.valid("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")).isTrue();
    assertThat(Eip55.valid("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")).isTrue();
    assertThat(Eip55.valid("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")).isFalse();
  }

  @Test
  void oneCaseCarriesNoChecksumButFillersAreNotAddresses() {
    assertThat(Eip55.valid("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")).isTrue();
    assertThat(Eip55.valid("0x0000000000000000000000000000000000000000")).isFalse();
  }
}
