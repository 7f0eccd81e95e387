package dev.parapet.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.model.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Credentials that the structure around them marks: command-line password flags, Dockerfile and
 * Terraform declarations, Kubernetes Secret manifests, framework keys, PuTTY and service-account
 * key files; and the look-alikes of each. Every value is made up for these tests.
 */
class SecretStructuresTest {

  private final SecretDetectorHarness harness = new SecretDetectorHarness();

  private Finding only(String text) {
    List<Finding> findings = harness.detect(text);
    assertThat(findings).as(text).hasSize(1);
    return findings.get(0);
  }

  private void assertFinds(String text, String value, String kind) {
    Finding f = only(text);
    int start = text.codePointCount(0, text.indexOf(value));
    assertThat(f.source()).as(text).isEqualTo("secret/" + kind);
    assertThat(f.start()).as(text).isEqualTo(start);
    assertThat(f.end()).as(text).isEqualTo(start + value.codePointCount(0, value.length()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "sshpass -p 'Gx7!kP2qLm9v' ssh deploy@10.0.0.5 | Gx7!kP2qLm9v",
        "sshpass -p Gx7kP2qLm9vZ scp a.tgz deploy@10.0.0.5:/srv | Gx7kP2qLm9vZ",
        "mysql -u root -pT7r0ub4dor3 -h db.internal | T7r0ub4dor3",
        "mysqldump -uadmin -p'T7r0ub4dor3' shop > shop.sql | T7r0ub4dor3",
        "$ mariadb -h db -u app -pT7r0ub4dor3 app | T7r0ub4dor3",
        "redis-cli -h cache.internal -a Hy6tR3eW9qZ1x ping | Hy6tR3eW9qZ1x"
      })
  void passwordsGivenToCommandLineFlagsAreFound(String text, String value) {
    assertFinds(text, value, "COMMAND_LINE_PASSWORD");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mysql -u root -p shop",
        "mysql -u root -p$MYSQL_ROOT_PASSWORD shop",
        "mysql -h db -P 3306 -u app",
        "sshpass -p \"$SSH_PASS\" ssh host",
        "sshpass -p password ssh host",
        "redis-cli -a ${REDIS_PASSWORD} ping",
        "mysql --port=3306 -uapp shop"
      })
  void commandLinesWithoutALiteralPasswordAreNotSecrets(String text) {
    assertThat(harness.detect(text)).as(text).isEmpty();
  }

  @Test
  void dockerfileEnvAndArgWithASpaceAreAssignments() {
    assertFinds(
        "FROM alpine\nENV DB_PASSWORD s3cr3tPa55w0rdQ9\n",
        "s3cr3tPa55w0rdQ9",
        "GENERIC_ASSIGNMENT");
    assertFinds(
        "ARG NPM_TOKEN=HN38tQbFHI45haoOZsoBfFWqnK0o\n",
        "HN38tQbFHI45haoOZsoBfFWqnK0o",
        "GENERIC_ASSIGNMENT");
    assertThat(harness.detect("FROM alpine\nENV APP_HOME /srv/app\nLABEL auth maintainer"))
        .isEmpty();
  }

  @Test
  void terraformVariableNamedForACredentialHasItsDefaultFound() {
    String hcl =
        "variable \"db_password\" {\n  type      = string\n  sensitive = true\n"
            + "  default   = \"Zq9x7Lm2Pk4vW\"\n}\n";
    assertFinds(hcl, "Zq9x7Lm2Pk4vW", "GENERIC_ASSIGNMENT");
    assertThat(harness.detect("variable \"region\" {\n  default = \"Zq9x7Lm2Pk4vW\"\n}")).isEmpty();
    assertThat(harness.detect("variable \"db_password\" {\n  default = var.fallback\n}")).isEmpty();
  }

  @Test
  void kubernetesSecretValuesAreJudgedOnTheirDecodedText() {
    String manifest =
        """
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
        type: Opaque
        data:
          username: YWRtaW4=
          host: ZGIuaW50ZXJuYWw=
          password: VnE4I21aMnhMNW5SN3c=
        """;
    assertFinds(manifest, "VnE4I21aMnhMNW5SN3c=", "KUBERNETES_SECRET");
  }

  @Test
  void kubernetesSecretStringDataIsFound() {
    String manifest =
        """
        apiVersion: v1
        kind: Secret
        metadata:
          name: api
        stringData:
          endpoint: https://api.internal
          apiToken: HN38tQbFHI45haoOZsoBfFWqnK0o
        """;
    assertFinds(manifest, "HN38tQbFHI45haoOZsoBfFWqnK0o", "KUBERNETES_SECRET");
  }

  @Test
  void kubernetesSecretHoldingPlaceholdersIsNotReported() {
    String manifest =
        """
        kind: Secret
        data:
          username: YWRtaW4=
          password: cGFzc3dvcmQ=
        """;
    assertThat(harness.detect(manifest)).isEmpty();
  }

  @Test
  void djangoAndWordpressKeysWithPunctuationAreFound() {
    String django = "django-insecure-+(l=i_!+s@mpx9-cq#4&)l7kq!4+(nibm4jk0+qoo3=^)al&fh";
    assertFinds("SECRET_KEY = '" + django + "'", django, "DJANGO_SECRET_KEY");
    String salt = "Nly7eID3![5E+{[CLvwglUg}X7l%)R<W0/Hl.1zD[joJWAryM69yTB=:X2cGU=l*";
    assertFinds("define( 'AUTH_KEY', '" + salt + "' );", salt, "GENERIC_ASSIGNMENT");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "secret_key = 'put your unique phrase here, at least fifty chars long!'",
        "define( 'AUTH_KEY', 'put your unique phrase here' );",
        "api_key = 'hysqa?25w3gqgvz7k1exe07xqosc38yu2oyudjuiaqcyxo'",
        "token = \"mQ1yoFjk5JLlxbzR,UzKTA6vsfR8wq%c^so6bMGdPcqxzbjrxYgA\""
      })
  void sentencesAndTokensWithAStraySymbolAreNotKeyMaterial(String text) {
    assertThat(harness.detect(text)).as(text).isEmpty();
  }

  @Test
  void puttyKeyFileIsFoundWhole() {
    String key =
        "PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nComment: deploy\nPublic-Lines: 1\n"
            + "AAAAB3NzaC1yc2EAAAADAQABAAABAQC23ilXuiw9aeJdjJIlLYhddggKSmQ\n"
            + "Private-Lines: 2\n"
            + "2ar0IFKTcSyE8UgAurrFWMgfejMXn7yYZPKMYgg5nsd0wycPueI9tnflkvS4TeQH\n"
            + "eFqbLplnCWniRPFSZejMpvTGJIeRwu3b2Wf6ztLZ9T0g\n"
            + "Private-MAC: 8f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a";
    assertFinds("here it is:\n" + key + "\nthanks", key, "PUTTY_PRIVATE_KEY");
    assertThat(
            harness.detect(
                "PuTTY-User-Key-File-3: ssh-ed25519\nPublic-Lines: 1\nAAAA\nPrivate-Lines: 1\n...\n"))
        .isEmpty();
  }

  @Test
  void serviceAccountKeyFileIsFoundAsOneCredential() {
    String json =
        "{\"type\": \"service_account\", \"project_id\": \"demo-481\", \"private_key\": "
            + "\"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC23il"
            + "Xuiw9aeJdjJIlLYhddggKSmQaNI2kVaeLyDR7\\n-----END PRIVATE KEY-----\\n\", "
            + "\"client_email\": \"ci@demo-481.iam.gserviceaccount.com\"}";
    assertFinds("creds: " + json, json, "GCP_SERVICE_ACCOUNT_KEY");
  }

  @Test
  void jwtWhoseClaimsDoNotDecodeIsNotAToken() {
    String real =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4NDIxIiwibmFtZSI6IkFkYSBRdWlsbCIsImlhdCI6"
            + "MTc2MDAwMDAwMH0.YRt8UEY53sNwIV28zqSNcK84Pqj9VNfxPDJRupQdW9Y";
    assertFinds("Authorization header was " + real, real, "JWT");
    String mangled =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJCwA0PqQVJaxoDUHdb5YbcwEnSRzTBfZSFtV17Jlz"
            + ".EQCEccEJaweQcWqr6IB2kGqdQOsozGa8ijGOIkO1pQD";
    assertThat(harness.detect("sample " + mangled)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "OPENROUTER_KEY=sk-or-v1-a2Cy8xCLyvrAf7lZKfhQ",
        "new relic user key = 'NRAK-GDJSS4QZORUYIC1OGT'",
        "gemini_api_key = 'AIzaSyDW1PXXav-TxriHUIrj1djZfH'",
        "client_secret: gloas-8406980541370e5bd4f04c5da2",
        "API_KEY=dop_v1_xEECoOUOBo",
        "token = \"shpat_qAhzwK3rNu\""
      })
  void providerTokensCutShortOfTheirFormatAreNotGenericSecrets(String text) {
    assertThat(harness.detect(text)).as(text).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "var apiToken string = \"HN38tQbFHI45haoOZsoBfFWqnK0o\"",
        "let apiToken: &str = \"HN38tQbFHI45haoOZsoBfFWqnK0o\";",
        "const apiToken: string = \"HN38tQbFHI45haoOZsoBfFWqnK0o\";",
        "API_TOKEN ?= HN38tQbFHI45haoOZsoBfFWqnK0o",
        "api_token <- \"HN38tQbFHI45haoOZsoBfFWqnK0o\"",
        "api_token = \"\"\"HN38tQbFHI45haoOZsoBfFWqnK0o\"\"\"",
        "api_token: |\n  HN38tQbFHI45haoOZsoBfFWqnK0o"
      })
  void typedDeclarationsAndMultiLineStringsAreAssignments(String text) {
    String t = text.replace("\\n", "\n");
    assertFinds(t, "HN38tQbFHI45haoOZsoBfFWqnK0o", "GENERIC_ASSIGNMENT");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "api_key = \"Qz7Lm212345678Xv8Rt4Wn6Yb1\"",
        "token: Hq7x2Lm9QzAAAAf3Kp9QBBBBz7Lm2Xv",
        "if (token: string == other) {}"
      })
  void typedFillerIsNotASecret(String text) {
    assertThat(harness.detect(text)).as(text).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "admin:$apr1$Zq9x7Lm2$Hq7vK2mP9xR4tY6wB3nL8/",
        "deploy:$2y$10$Zq9x7Lm2Pk4vWHq7vK2mP9xR4tY6wB3nL8sD1fG5jZ0cA1b2c3d4e",
        "password_hash: \"$2b$12$Zq9x7Lm2Pk4vWHq7vK2mP9xR4tY6wB3nL8sD1fG5jZ0cA1b2c3d4\""
      })
  void passwordHashesAreNotCredentials(String text) {
    // a hash lets no one in; scanners that flag htpasswd lines flag a crackable digest, not a key
    assertThat(harness.detect(text)).as(text).isEmpty();
  }
}
