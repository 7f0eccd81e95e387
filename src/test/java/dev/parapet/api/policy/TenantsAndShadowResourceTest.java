package dev.parapet.api.policy;

import static dev.parapet.api.TestKeys.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.api.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tenant-scoped lexicons, the policy version registry and the shadow candidate, through the REST
 * API and the audit records.
 */
@QuarkusTest
@TestProfile(TenantsAndShadowPolicy.class)
class TenantsAndShadowResourceTest {

  private static JsonPath check(String text, String tenant, String profile, String requestId) {
    return given()
        .contentType("application/json")
        .body(Map.of("text", text, "tenant", tenant, "profile", profile, "requestId", requestId))
        .post("/v1/check")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static JsonPath auditOf(String requestId, String... filters) {
    String query = "/v1/audit/decisions?requestId=" + requestId;
    for (String f : filters) {
      query += "&" + f;
    }
    return given().get(query).then().statusCode(200).extract().jsonPath();
  }

  @Test
  void aTenantsLexiconNeverReachesAnotherTenantsAnswersOrRecords() {
    String acme = "acme-" + UUID.randomUUID();
    String beta = "beta-" + UUID.randomUUID();

    List<String> acmeTypes =
        check("We beat Globex on price", "acme", "default", acme).getList("findings.type");
    JsonPath betaAnswer = check("We beat Globex on price", "beta", "default", beta);

    assertThat(acmeTypes).contains("COMPETITOR");
    assertThat(betaAnswer.getList("findings.type", String.class)).doesNotContain("COMPETITOR");
    assertThat(betaAnswer.prettify()).doesNotContain("competitors");
    JsonPath acmeRecord = auditOf(acme);
    JsonPath betaRecord = auditOf(beta);
    assertThat(acmeRecord.getList("items[0].findings.type", String.class)).contains("COMPETITOR");
    assertThat(betaRecord.getList("items")).hasSize(1);
    assertThat(betaRecord.getList("items[0].findings.type", String.class))
        .doesNotContain("COMPETITOR");
    assertThat(betaRecord.prettify()).doesNotContain("COMPETITOR").doesNotContain("competitors");
  }

  @Test
  void aRecordsPolicyVersionOpensWithItsFiles() {
    String requestId = "v-" + UUID.randomUUID();
    check("hello there", "acme", "default", requestId);
    String version = auditOf(requestId).getString("items[0].policyVersion");

    JsonPath opened =
        RestAssured.given()
            .header("X-API-Key", TestKeys.AUDITOR)
            .get("/v1/policies/versions/" + version)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(opened.getList("kinds", String.class)).contains("live");
    assertThat(opened.getBoolean("serving")).isTrue();
    assertThat(opened.getList("files.path", String.class))
        .contains("rules/profiles.yaml", "lexicons/tenant/acme/competitors.txt");
    assertThat(opened.getMap("served")).isNotEmpty();
    String file =
        RestAssured.given()
            .header("X-API-Key", TestKeys.AUDITOR)
            .get("/v1/policies/versions/" + version + "/files/lexicons/tenant/acme/competitors.txt")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(file).isEqualTo("globex\n");
    List<String> listed =
        given().get("/v1/policies/versions").then().statusCode(200).extract().path("items.version");
    assertThat(listed).contains(version);
  }

  @Test
  void versionsAreForAuditorsAndOfficersOnly() {
    RestAssured.given()
        .header("X-API-Key", TestKeys.CHECKER)
        .get("/v1/policies/versions")
        .then()
        .statusCode(403);
    given().get("/v1/policies/versions/sha256:" + "0".repeat(64)).then().statusCode(404);
    given().get("/v1/policies/versions/not-a-version").then().statusCode(404);
  }

  @Test
  void theShadowCandidateIsShownWithItsVersionAndTests() {
    JsonPath policies = given().get("/v1/policies").then().statusCode(200).extract().jsonPath();

    assertThat(policies.getString("shadows[0].profile")).isEqualTo("trial");
    assertThat(policies.getString("shadows[0].directory")).isEqualTo("candidate");
    String candidate = policies.getString("shadows[0].version");
    assertThat(candidate).startsWith("sha256:").isNotEqualTo(policies.getString("version"));
    assertThat(policies.getInt("shadows[0].testCases")).isEqualTo(1);
    assertThat(policies.getBoolean("shadows[0].testsPassed")).isTrue();
    JsonPath registered =
        given()
            .get("/v1/policies/versions/" + candidate)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(registered.getList("kinds", String.class)).containsExactly("shadow");
    assertThat(registered.getList("files.path", String.class)).contains("lexicons/gadgets.txt");
  }

  @Test
  void auditorsFilterOnTheShadowDecision() {
    String requestId = "s-" + UUID.randomUUID();
    assertThat(check("my frobnicator", "acme", "trial", requestId).getString("decision"))
        .isEqualTo("allow");

    assertThat(auditOf(requestId, "shadowDecision=block").getList("items")).hasSize(1);
    assertThat(auditOf(requestId, "shadowDecision=redact").getList("items")).isEmpty();
    given()
        .get("/v1/audit/decisions?shadowDecision=maybe")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void anEditedCandidateReloadsAndItsTestsDecide() throws Exception {
    Path test = TenantsAndShadowPolicy.candidate().resolve("rules/baseline/gadgets.test.yaml");
    String before = shadowVersion();
    Files.writeString(
        TenantsAndShadowPolicy.candidate().resolve("lexicons/gadgets.txt"),
        "frobnicator\ngizmotron\n");
    String after = awaitShadowVersionOtherThan(before);
    assertThat(after).isNotEqualTo(before);

    Files.writeString(test, TenantsAndShadowPolicy.CANDIDATE_TEST.replace("block", "allow"));
    JsonPath failed = awaitReload(false);
    assertThat(failed.getList("lastReload.problems.file", String.class))
        .contains("shadow candidate: baseline/gadgets.test.yaml");
    assertThat(shadowVersion()).isEqualTo(after);

    Files.writeString(test, TenantsAndShadowPolicy.CANDIDATE_TEST);
    assertThat(awaitReload(true).getBoolean("lastReload.ok")).isTrue();
  }

  private static String shadowVersion() {
    return given().get("/v1/policies").then().statusCode(200).extract().path("shadows[0].version");
  }

  private static String awaitShadowVersionOtherThan(String before) throws InterruptedException {
    String now = before;
    for (int i = 0; i < 300 && now.equals(before); i++) {
      Thread.sleep(100);
      now = shadowVersion();
    }
    return now;
  }

  private static JsonPath awaitReload(boolean ok) throws InterruptedException {
    JsonPath policies = null;
    for (int i = 0; i < 300; i++) {
      Thread.sleep(100);
      policies = given().get("/v1/policies").then().statusCode(200).extract().jsonPath();
      if (policies.getBoolean("lastReload.ok") == ok) {
        return policies;
      }
    }
    return policies;
  }
}
