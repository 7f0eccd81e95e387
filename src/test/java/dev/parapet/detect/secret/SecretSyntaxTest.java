package dev.parapet.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.model.Finding;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Credentials in the syntaxes people paste, found on exactly their value; and the placeholders,
 * references and look-alikes that are not credentials.
 */
class SecretSyntaxTest {

  private final SecretDetectorHarness harness = new SecretDetectorHarness();

  private void assertFinds(String text, String value, String kind) {
    List<Finding> findings = harness.detect(text);
    int start = text.codePointCount(0, text.indexOf(value));
    assertThat(findings).as(text).hasSize(1);
    assertThat(findings.get(0).source()).isEqualTo("secret/" + kind);
    assertThat(findings.get(0).start()).isEqualTo(start);
    assertThat(findings.get(0).end()).isEqualTo(start + value.codePointCount(0, value.length()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "DB_PASSWORD=Tq8#vLz2!mWr | Tq8#vLz2!mWr",
        "password: \"Tq8#vLz2!mWr\" | Tq8#vLz2!mWr",
        "{\"password\": \"Tq8#vLz2!mWr\"} | Tq8#vLz2!mWr",
        "dbPassword := \"Tq8#vLz2!mWr\" | Tq8#vLz2!mWr",
        "PASSWORD = 'Tq8#vLz2!mWr' | Tq8#vLz2!mWr",
        "export MYSQL_PWD=Tq8#vLz2!mWr | Tq8#vLz2!mWr",
        "<connection password=\"Tq8#vLz2!mWr\" user=\"app\"/> | Tq8#vLz2!mWr",
        "<password>Tq8#vLz2!mWr</password> | Tq8#vLz2!mWr",
        "spring.datasource.password=Tq8#vLz2!mWr | Tq8#vLz2!mWr",
        "mysql --password Tq8#vLz2!mWr -u root | Tq8#vLz2!mWr",
        "my password is Tq8#vLz2!mWr | Tq8#vLz2!mWr",
        "define('DB_PASSWORD', 'Tq8#vLz2!mWr'); | Tq8#vLz2!mWr",
        ":password => \"Tq8#vLz2!mWr\" | Tq8#vLz2!mWr"
      })
  void passwordsAreFoundInEverySyntax(String text, String value) {
    assertFinds(text, value, "GENERIC_ASSIGNMENT");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "client_secret = \"f3Kp9Qz7Lm2Xv8Rt4Wn6Yb1\" | f3Kp9Qz7Lm2Xv8Rt4Wn6Yb1",
        "apiKey: f3Kp9Qz7Lm2Xv8Rt4Wn6Yb1 | f3Kp9Qz7Lm2Xv8Rt4Wn6Yb1",
        "\"access_token\": \"f3Kp9Qz7Lm2Xv8Rt4Wn6Yb1\" | f3Kp9Qz7Lm2Xv8Rt4Wn6Yb1",
        "<add key=\"ApiKey\" value=\"f3Kp9Qz7Lm2Xv8Rt4Wn6Yb1\" /> | f3Kp9Qz7Lm2Xv8Rt4Wn6Yb1",
        "x-api-key: f3Kp9Qz7Lm2Xv8Rt4Wn6Yb1 | f3Kp9Qz7Lm2Xv8Rt4Wn6Yb1"
      })
  void keysAndTokensAssignedToCredentialNamesAreFound(String text, String value) {
    assertFinds(text, value, "GENERIC_ASSIGNMENT");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "postgres://app:Hq7!x2Lm9@db.internal:5432/main | Hq7!x2Lm9 | URL_CREDENTIALS",
        "mongodb+srv://svc:Hq7x2Lm9zz@cluster0.mongodb.net/app | Hq7x2Lm9zz | URL_CREDENTIALS",
        "curl -u deploy:Hq7!x2Lm9 https://ci.acme.io/api | Hq7!x2Lm9 | CURL_USER_PASSWORD",
        "Authorization: Bearer f3Kp9Qz7Lm2Xv8Rt4Wn6Yb1cD | f3Kp9Qz7Lm2Xv8Rt4Wn6Yb1cD | AUTHORIZATION_BEARER",
        "Authorization: Basic ZGVwbG95Okhx7!x2Lm9 | ZGVwbG95OkhxN3gyTG05 | AUTHORIZATION_BASIC"
      })
  void credentialsInUrlsHeadersAndCommandsAreFound(String text, String value, String kind) {
    String t = text.replace("ZGVwbG95Okhx7!x2Lm9", "ZGVwbG95OkhxN3gyTG05");
    assertFinds(t, value, kind);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "twilio auth token: 9f2c4e6a8b0d1f3e5a7c9b2d4f6e8a0c | 9f2c4e6a8b0d1f3e5a7c9b2d4f6e8a0c | TWILIO_AUTH_TOKEN",
        "DATADOG_API_KEY=9f2c4e6a8b0d1f3e5a7c9b2d4f6e8a0c | 9f2c4e6a8b0d1f3e5a7c9b2d4f6e8a0c | DATADOG_API_KEY",
        "token hf_Qm4Lp0Vb7Ty2Rk9Nw3Hs6Jd5FaZx81Lp0V | hf_Qm4Lp0Vb7Ty2Rk9Nw3Hs6Jd5FaZx81Lp0V | HUGGINGFACE_TOKEN",
        "vault: hvs.CAESIJ4k9Qm2Lp0Vb7Ty2Rk9Nw3Hs6Jd5 | hvs.CAESIJ4k9Qm2Lp0Vb7Ty2Rk9Nw3Hs6Jd5 | HASHICORP_VAULT_TOKEN",
        "key rk_live_51Hq7x2Lm9Qz7Lm2Xv8Rt4Wn | rk_live_51Hq7x2Lm9Qz7Lm2Xv8Rt4Wn | STRIPE_KEY"
      })
  void catalogueKindsAreNamedInTheSource(String text, String value, String kind) {
    assertFinds(text, value, kind);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "api_key = \"xxxxxxxxxxxxxxxxxxxxxxxx\"",
        "GITHUB_TOKEN=YOUR_TOKEN_HERE",
        "token: <token>",
        "API_KEY=${API_KEY}",
        "ANTHROPIC_API_KEY=sk-ant-api03-abc123xyz-abc123xyz-abc123xyz-abc123xyz-abc123",
        "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
        "const key = \"AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe\";",
        "password=changeme",
        "password: ********",
        "token: \"1234567890abcdef1234\"",
        "ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "password = os.environ[\"DB_PASSWORD\"]",
        "token: ${{ secrets.GITHUB_TOKEN }}",
        "api_key = config.api_key",
        "DATABASE_URL=postgres://user:password@localhost:5432/db",
        "curl -u $USER:$PASS https://ci.acme.io",
        "Authorization: Bearer <token>",
        "max_tokens: 4096",
        "tokenizer = AutoTokenizer.from_pretrained(\"bert-base-uncased\")",
        "csrf_token = \"a8f5f167f44f4964e6c998dee827110c\"",
        "public_key = \"MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE7a9k2f\"",
        "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----",
        "commit 3f786850e387550fdab836ed7e6dc881de23001b",
        "scrapestack = 'gdozp26v2hzq91fh?k412n5ik5klj59p'"
      })
  void placeholdersReferencesAndLookAlikesAreNotSecrets(String text) {
    assertThat(harness.detect(text)).as(text).isEmpty();
  }
}
