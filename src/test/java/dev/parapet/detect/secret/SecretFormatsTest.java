package dev.parapet.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.model.Finding;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issuers' token formats added to the catalogue, each found on exactly its value with its kind; and
 * the look-alikes of those formats that are not credentials. Values are random draws of each
 * format's alphabet and length, not real tokens.
 */
class SecretFormatsTest {

  private final SecretDetectorHarness harness = new SecretDetectorHarness();

  private void assertFinds(String text, String value, String kind) {
    List<Finding> findings = harness.detect(text);
    int start = text.codePointCount(0, text.indexOf(value));
    assertThat(findings).as(text).hasSize(1);
    if (kind != null) {
      assertThat(findings.get(0).source()).isEqualTo("secret/" + kind);
    }
    assertThat(findings.get(0).start()).isEqualTo(start);
    assertThat(findings.get(0).end()).isEqualTo(start + value.codePointCount(0, value.length()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "GITLAB_TOKEN | glpat-PPsj9sZs4AxKFxdZgCpFjk2MzksAQxEP7iNo.01.wxx7pusp3",
        "GITLAB_TOKEN | glrt-Zt8khBF2pqHdt8YftRWz",
        "GITLAB_AGENT_TOKEN | glagent-6xIN23-Efcr7vRvlFyPMay5-5ERbPTrL-i35-utk49rh-Xrb9a",
        "GITLAB_OAUTH_APP_SECRET | gloas-7cb8ef2562dd6b9a8dd97d82c299ff9022ae256860d1b561da9537d072750ebe",
        "GITLAB_CI_TOKEN | glptt-17c9be7106b5b293abab861bdc5336ed6f0e4e7f",
        "HASHICORP_VAULT_TOKEN | hvb.Tpz5rgInq4P8yEZzm3s_BEU35NPxUhFutpC6HHXaq6xWZ6g0KzzqJws93008yODTaCfjdGyLgi4ssVPNHSVMWB6ECcMt-vsg-TRZA2MZBf08sU6GgUouAseD5nmLEmLGlwWjXNQyj9",
        "NEW_RELIC_KEY | NRAK-P2WKCFPJZZL7M4F1W22T57IJFXJ",
        "NEW_RELIC_LICENSE_KEY | d6b4124f5546fe61028bd88112ab21a25a0eNRAL",
        "NEW_RELIC_MOBILE_TOKEN | AA88d3f3bd48c851f4c72a01713b491c71256ff5e2-NRMA",
        "AZURE_CONTAINER_REGISTRY_PASSWORD | ve1vrESjN0l2NSySGoEu43VnABIBRZsWDiuvvPsgzM+ACRTPAtVE",
        "TELEGRAM_BOT_TOKEN | 215864590:AAl6x0X341M7I3IkHAvIXfNAcWnUoJlTRjC",
        "SLACK_TOKEN | xapp-1-AHEQT0M54KI-9440512855680-4b26b09c75ca64f23044942eb5936f93f43b8bbaed75adda49d94c2b6e2c695d",
        "STRIPE_KEY | rk_prod_lQ2X5Fes4Rxen4ZN1tKMXwJP5k7Y2bUN",
        "MAILGUN_PUBLIC_KEY | pubkey-cf8bbbd8c45a264501752455b7948234",
        "MAXMIND_LICENSE_KEY | 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",
        "ADOBE_CLIENT_SECRET | p8e-Dt6NAbJ0mu6tiUNKh2Uo25muqgIaaH98",
        "OPENAI_API_KEY | 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",
        "AIRTABLE_OAUTH_TOKEN | oaay9gK6FtPOMt7qa.v1.mnNfpAgkLB3ivb2P7ss36K6H8-TSA33ZNRjktNJbi_7hHg2lxbovFtIsntvE.f1292cccc0f115c787eece0db6add577",
        "LOB_KEY | live_e21c1639bdf9a842d6ff4bad40a33c61434",
        "TAVILY_API_KEY | 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",
        "JINA_API_KEY | jina_hm5k1OUbELxxdH0dirLpxI5fwSfJVMe3Zbc2RXc6bHhZlK6ZczNuvPqQDwFI",
        "CEREBRAS_API_KEY | csk-xdbj9huf6ci6yix1xuaaugihjgachc7bgf61fpfgavzttg20",
        "MAILERSEND_API_TOKEN | mlsn.43490ea7b38d6efba3fe1dc916bb42748f163c384a15b14d8e71d78ca3927fe1",
        "VOLCENGINE_ACCESS_KEY | AKLT3v4epAAGns7Ar1TFpSfhtQv9tPjeTIr1wwZldpOF",
        "AMAZON_LWA_CLIENT_SECRET | amzn1.oa2-cs.v1.04df9be2a8617fa76169047062e3c2b53c7d081986202b17a5593d773fe70221",
        "BITBUCKET_DATA_CENTER_TOKEN | BBDC-nFrEEosroVofprnHQpjgSJITT38uiSszI9OM6030LGDV",
        "SCALEWAY_ACCESS_KEY | SCWBUNE7XPK0N6ZE5OLE",
        "LINEAR_API_KEY | lin_oauth_399085b27e286869557dab1a2d48c4633d97b9137dc7ec8ffc8b60a81a106ab5",
        "FACEBOOK_ACCESS_TOKEN | EAAGb98yFBig1oNgfTEtBnhi2kMx4VddtxE2xyQRa6jfcRMGpBOFeezKBKRIJE0NrEkpIAbS1grNYB2yCyqtJY2BTtEXEdaiI7IuJmOJWhGN3KinEPCAXMXWkuDi"
      })
  void prefixedTokensAreFoundByTheirIssuersFormat(String kind, String value) {
    assertFinds("token (" + value + ") rotated", value, kind);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "AZURE_STORAGE_KEY_NAMED | \"AccountKey\": \"ffnlmGcR2ZssZCuSZDuys8cE9IXmbX2xeIutmma10u5d1PrdPZLxXfiiSZpKfVeLP7lBoDVdouJaMszVjcN/le==\" | ffnlmGcR2ZssZCuSZDuys8cE9IXmbX2xeIutmma10u5d1PrdPZLxXfiiSZpKfVeLP7lBoDVdouJaMszVjcN/le==",
        "HEROKU_API_KEY_NAMED | HEROKU_API_KEY=21da2984-b6de-1fd8-cb92-ef55390a6083 | 21da2984-b6de-1fd8-cb92-ef55390a6083",
        "SENTRY_AUTH_TOKEN_NAMED | sentry auth: 000352ba8fa2cc04edfada661f1ab0173494c56460f4a89bb2fba43ed7a69c07 | 000352ba8fa2cc04edfada661f1ab0173494c56460f4a89bb2fba43ed7a69c07",
        "VAULT_LEGACY_TOKEN | X-Vault-Token: s.o0MDx8pPg27izj79EXnVZNyM | s.o0MDx8pPg27izj79EXnVZNyM",
        "DOCKER_CONFIG_AUTH | {\"auths\": {\"registry.acme.io\": {\"auth\": \"Y2k6cmFBWVBwNDd2ZmtaaGJHbA==\"}}} | Y2k6cmFBWVBwNDd2ZmtaaGJHbA==",
        "TELEGRAM_BOT_TOKEN_NAMED | TELEGRAM_TOKEN = \"632220227:vHMQXFhg8K0d6u9MowZmrEuJ5kv0UDGgmRO\" | 632220227:vHMQXFhg8K0d6u9MowZmrEuJ5kv0UDGgmRO",
        "ATLASSIAN_TOKEN_NAMED | jira token: NTVtlrxDnFrAqNbq3NG/0B5ANCVmIRr9xFwAZxjT0VhY | NTVtlrxDnFrAqNbq3NG/0B5ANCVmIRr9xFwAZxjT0VhY",
        "TWITTER_ACCESS_TOKEN | twitter access: 8693187757573752322-igGh3oZcGe12dBRZer4l7HzGNukfqB | 8693187757573752322-igGh3oZcGe12dBRZer4l7HzGNukfqB"
      })
  void bareTokensAreFoundByTheirIssuersNameNearby(String kind, String text, String value) {
    assertFinds(text, value, kind);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Driver={ODBC Driver 18};Server=sql01;Uid=svc;Pwd=pyo4J&przL3;Encrypt=yes | pyo4J&przL3",
        "jdbc:mysql://db.internal:3306/app?user=svc&password=Vr8!kq2Lm&ssl=true | Vr8!kq2Lm",
        "spring.datasource.password=XQtQP_OfUXdZX | XQtQP_OfUXdZX",
        "mongodb://reader:D1fficultP%40ssw0rd@mongodb0.example.com:27017 | D1fficultP%40ssw0rd"
      })
  void passwordsInConnectionStringsAreFoundWhole(String text, String value) {
    assertFinds(text, value, null);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "- name: API_KEY{n}  value: \"f3Kp9Qz7Lm2Xv8Rt4Wn6Yb1\" | f3Kp9Qz7Lm2Xv8Rt4Wn6Yb1",
        "{\"Name\": \"ApiKey\", \"Value\": \"f3Kp9Qz7Lm2Xv8Rt4Wn6Yb1\"} | f3Kp9Qz7Lm2Xv8Rt4Wn6Yb1",
        "machine api.acme.io login deploy password Tq8vLz2mWr9 | Tq8vLz2mWr9",
        "my api key is f3Kp9Qz7Lm2Xv8Rt4Wn6Yb1 | f3Kp9Qz7Lm2Xv8Rt4Wn6Yb1",
        "secret_key_base: 7c1e9a04b3d8f2e65a0c4b9d1e7f3a28c6d0b5e4f1a9c3d7 | 7c1e9a04b3d8f2e65a0c4b9d1e7f3a28c6d0b5e4f1a9c3d7",
        "<add key=\"ClearTextPassword\" value=\"Tq8#vLz2!mWr\" /> | Tq8#vLz2!mWr",
        "{\"auths\": {\"ghcr.io\": {\"auth\": \"Y2k6VHE4dkx6Mm1Xcjk=\"}}} | Y2k6VHE4dkx6Mm1Xcjk="
      })
  void credentialsInMoreSyntaxesAreFound(String text, String value) {
    assertFinds(text.replace("{n}", "\n"), value, null);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The token is invalid, please refresh it.",
        "Your password is too short: use at least 12 characters.",
        "- name: LOG_LEVEL\n  value: \"debug\"",
        "- name: API_KEY\n  valueFrom:\n    secretKeyRef: {name: app, key: api-key}",
        "machine github.com login octocat password $GITHUB_TOKEN",
        "key=\"ApiKeyValueSecondary\" value=\"true\"",
        "{\"auths\": {\"registry.example.com\": {\"auth\": \"bXlfdXNlcm5hbWU6bXlfcGFzc3dvcmQ=\"}}}"
      })
  void proseAndNamesNearCredentialWordsAreNotSecrets(String text) {
    assertThat(harness.detect(text)).as(text).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "api_key = \"a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6\"",
        "SHOPIFY_SECRET=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",
        "token: \"abcdabcdabcdabcdabcdabcd\"",
        "client_secret = \"Zq81Zq81Zq81Zq81Zq81Zq81\"",
        "sheet_token := \"fakeiq999fakeecyfake3ifake\"",
        "metabase key = '=49ftoUer6aYZOzdkRzlENnW8PHnD9zf9dP9'",
        "sVerifyMsgSig=HttpUtils.ParseUrl(\"msg\")",
        "mongodb://username:password@mongodb0.example.com:27017",
        "OPENAI_KEY=sk-admin-JWARXiHjpLXSh6W_0pFGb3sW7yr0cKheXXtWGMY0Q8kbBNqsxLskJy0LCOT3BlbkFJshort",
        "slack token - 'xoxb-65677559833?9613778673399u'",
        "GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx",
        "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
        "aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
        "API_KEY=%API_KEY%",
        "token = \"{{ .Values.token }}\"",
        "api_key = \"[YOUR_API_KEY]\""
      })
  void fillersAndMalformedLookAlikesAreNotSecrets(String text) {
    assertThat(harness.detect(text)).as(text).isEmpty();
  }
}
