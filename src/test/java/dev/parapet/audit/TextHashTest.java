package dev.parapet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The text hash is HMAC-SHA256 under the audit key, so only holders of the key can correlate. */
class TextHashTest {

  @Test
  void isHmacSha256InHex() {
    // RFC 4231, test case 2
    TextHash hash = new TextHash("Jefe".getBytes(StandardCharsets.UTF_8));
    assertThat(hash.of("what do ya want for nothing?"))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void anotherKeyGivesAnotherHash() {
    byte[] key = new byte[32];
    TextHash one = new TextHash(key);
    key[0] = 1;
    TextHash other = new TextHash(key);
    assertThat(one.of("same text"))
        .isEqualTo(one.of("same text"))
        .isNotEqualTo(other.of("same text"));
  }
}
