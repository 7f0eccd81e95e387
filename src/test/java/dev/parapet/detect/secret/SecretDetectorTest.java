package dev.parapet.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.parapet.detect.DetectorInput;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.Stage;
import dev.parapet.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Made-up credentials of every kind the detector knows, and prose that only names a prefix. */
class SecretDetectorTest {

  private final SecretDetector detector = new SecretDetector();

  private List<Finding> detect(String text) {
    return detector.detect(
        new DetectorInput(
            new Normalizer().normalize(text),
            new CheckContext(
                Stage.OUTPUT, "default", "", Map.of(), text.codePointCount(0, text.length()))));
  }

  @ParameterizedTest
  @CsvSource({
    "AWS_ACCESS_KEY, AKIAZ7Q3EXAMPLE4KEY9",
    "AWS_ACCESS_KEY, ASIAZ7Q3EXAMPLE4KEY9",
    "GITHUB_TOKEN, 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",
    "GITHUB_TOKEN, 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",
    "GITHUB_TOKEN, ghs_CN6Zj4a3dDVhYRnKTbxTNJFoBinF5a42GyMy",
    "GITHUB_TOKEN, ghu_JXVuLkSIc47WQAmL9xVQ2zg4mZaouq416qWT",
    "GITHUB_TOKEN, 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",
    "GITLAB_TOKEN, glpat-T1_NXa0IrleG6woopoDz",
    "SLACK_TOKEN, xoxb-603137215901-0928159013962-eGzMcNU77sVTUUJ596lLlGUr",
    "SLACK_WEBHOOK, hooks.slack.com/services/T0ABC123/B0DEF456/q1w2e3r4t5y6u7i8o9",
    "STRIPE_KEY, sk_live_iAX1DyyXN9iYw1mXJft5isGX",
    "STRIPE_KEY, rk_live_NwAMnEYYnWLeEdpomsCpFqPl",
    "STRIPE_KEY, sk_test_pECXVMk11oHUGCiczMSpxkMz",
    "GOOGLE_API_KEY, AIzaSy-Ab_12Sy-Ab_12Sy-Ab_12Sy-Ab_12xyz",
    "ANTHROPIC_API_KEY, sk-ant-api03-Zx9_Zx9_Zx9_Zx9_Zx9_Zx9_Zx9_Zx9_Zx9_Zx9_Zx9_",
    "OPENAI_API_KEY, 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",
    "OPENAI_API_KEY, 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",
    "JWT, eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk"
  })
  void eachKindIsFoundOnExactlyItsValue(String kind, String value) {
    String before = "config (https://" + (kind.equals("SLACK_WEBHOOK") ? "" : "x/ ");
    List<Finding> findings = detect(before + value + ") done");

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).source()).isEqualTo("secret/" + kind);
    assertThat(findings.get(0).start()).isEqualTo(before.length());
    assertThat(findings.get(0).end()).isEqualTo(before.length() + value.length());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----",
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----",
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE="
      })
  void privateKeysAreFoundFromTheirArmourLine(String key) {
    List<Finding> findings = detect("here: " + key);

    assertThat(findings).extracting(Finding::source).containsExactly("secret/PRIVATE_KEY");
    assertThat(findings.get(0).start()).isEqualTo("here: ".length());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AKIA is the prefix of an access key id, AKIA.",
        "keys look like sk- followed by letters; ask-me, sk-",
        "xoxo and hugs, ghp_ tokens, glpat- ones",
        "-----BEGIN message-----",
        "AIza is Google's, sk_live_ is Stripe's: eyJ starts a JWT",
        "AKIA"
      })
  void prosethatOnlyNamesAPrefixHasNoSecret(String text) {
    assertThat(detect(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"密钥 ", "🔑 ", "ｋｅｙ: ", "\u200b"})
  void aSecretAfterWideOrAstralCharsIsFoundAtItsCodePoints(String before) {
    String key = "AKIAZ7Q3EXAMPLE4KEY9";
    String assignment = "password = \"Xk9#mQ2$vL7!pW4z\"";
    List<Finding> findings = detect(before + key + " and " + before + assignment);

    int keyStart = before.codePointCount(0, before.length());
    int valueStart = 2 * keyStart + key.length() + " and ".length() + "password = \"".length();
    assertThat(findings)
        .extracting(Finding::source, Finding::start, Finding::end)
        .containsExactly(
            tuple("secret/AWS_ACCESS_KEY", keyStart, keyStart + key.length()),
            tuple("secret/GENERIC_ASSIGNMENT", valueStart, valueStart + 16));
  }
}
