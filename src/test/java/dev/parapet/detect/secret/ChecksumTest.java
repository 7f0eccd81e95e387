package dev.parapet.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** GitHub's and npm's CRC32 checksum in base62. */
class ChecksumTest {

  private static String withChecksum(String prefix, String random30) {
    CRC32 crc = new CRC32();
    crc.update(random30.getBytes(StandardCharsets.US_ASCII));
    return prefix + random30 + Checksum.base62(crc.getValue(), 6);
  }

  @Test
  void aTokenWithItsChecksumVerifies() {
    assertThat(
            Checksum.CRC32_BASE62.verifies(withChecksum("ghp_", "Zx81Qm4Lp0Vb7Ty2Rk9Nw3Hs6Jd5Fa")))
        .isTrue();
    assertThat(
            Checksum.CRC32_BASE62.verifies(withChecksum("npm_", "aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0")))
        .isTrue();
  }

  @Test
  void oneChangedCharFailsTheChecksum() {
    String token = withChecksum("ghp_", "Zx81Qm4Lp0Vb7Ty2Rk9Nw3Hs6Jd5Fa");
    String changed =
        token.substring(0, 10) + (token.charAt(10) == 'a' ? 'b' : 'a') + token.substring(11);

    assertThat(Checksum.CRC32_BASE62.verifies(changed)).isFalse();
  }

  @Test
  void aVerifiedTokenScoresAboveAnUnverifiedOne() {
    SecretDetectorHarness h = new SecretDetectorHarness();
    String good = withChecksum("ghp_", "Zx81Qm4Lp0Vb7Ty2Rk9Nw3Hs6Jd5Fa");
    String bad = good.substring(0, good.length() - 1) + (good.endsWith("A") ? "B" : "A");

    assertThat(h.detect("token " + good).get(0).score()).isEqualTo(1.0);
    assertThat(h.detect("token " + bad).get(0).score()).isLessThan(1.0);
  }

  @Test
  void base62PadsToTheWidth() {
    assertThat(Checksum.base62(61, 6)).isEqualTo("00000z");
    assertThat(Checksum.base62(62, 6)).isEqualTo("000010");
  }
}
