package dev.parapet.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The helpers give the published test vectors. */
class DigestsTest {

  @Test
  void sha256OfAbc() {
    // FIPS 180-2, appendix B.1
    assertThat(Sha256.hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void hmacKeyedOnceAndUsedOnceAgree() {
    // RFC 4231, test case 2
    byte[] key = "Jefe".getBytes(StandardCharsets.UTF_8);
    String expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    HmacSha256 mac = new HmacSha256(key);
    assertThat(mac.hex("what do ya want for nothing?")).isEqualTo(expected);
    assertThat(mac.hex("what do ya want for nothing?")).isEqualTo(expected);
    assertThat(HexFormat.of().formatHex(HmacSha256.of(key, "what do ya want for nothing?")))
        .isEqualTo(expected);
  }
}
