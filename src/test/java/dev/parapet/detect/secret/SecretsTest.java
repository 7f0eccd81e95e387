package dev.parapet.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The filters that tell typed filler from a random token. */
class SecretsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"abcdabcdabcdabcd", "a1b2a1b2a1b2a1b2", "Zq81Zq81Zq81Zq81Zq81", "xyzxyzxyzxyz"})
  void aRepeatedUnitIsFiller(String value) {
    assertThat(Secrets.isPeriodic(value)).isTrue();
    assertThat(Secrets.isPlaceholder(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a1b2c3d4e5f6g7h8", "1a2b3c4d5e6f7a8b9c", "z9y8x7w6v5u4t3s2r1"})
  void twoInterleavedRunsAreFiller(String value) {
    assertThat(Secrets.interleavedRuns(value)).isTrue();
    assertThat(Secrets.isPlaceholder(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"fake_token_123456", "FakeKeyQ8x2Lm9Wv", "token-fake-Q8x2Lm9Wv"})
  void aWordStartingWithFakeMarksAnExample(String value) {
    assertThat(Secrets.isPlaceholder(value)).isTrue();
  }

  @Test
  void randomTokensAreNotFiller() {
    for (String token :
        new String[] {
          "Q8x2Lm9WvT4kRz7N", "d6b4124f5546fe61028bd88112ab21a2", "ghp8Kd2mQ9xLp0Vb7Ty2Rk9Nw3"
        }) {
      assertThat(Secrets.isPeriodic(token)).as(token).isFalse();
      assertThat(Secrets.interleavedRuns(token)).as(token).isFalse();
      assertThat(Secrets.isPlaceholder(token)).as(token).isFalse();
    }
  }

  @Test
  void aProviderNameMustBeAWordOfItsOwn() {
    assertThat(SecretDetector.wordEnds("parseuri", "parseur".length())).isFalse();
    assertThat(SecretDetector.wordEnds("cloudflareToken", "cloudflare".length())).isTrue();
    assertThat(SecretDetector.wordEnds("mailgunapikey", "mailgun".length())).isTrue();
    assertThat(SecretDetector.wordEnds("STRIPE_KEY", "stripe".length())).isTrue();
    assertThat(SecretDetector.wordStarts("AzuriteAccountKey", "Azurite".length())).isTrue();
    assertThat(SecretDetector.wordStarts("bigjira", "big".length())).isFalse();
  }
}
