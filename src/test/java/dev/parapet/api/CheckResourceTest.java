package dev.parapet.api;

import static dev.parapet.api.TestKeys.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The contract of POST /v1/check, against the shipped starter policy. */
@QuarkusTest
class CheckResourceTest {

  private static io.restassured.response.ValidatableResponse post(String body) {
    return given().contentType(ContentType.JSON).body(body).when().post("/v1/check").then();
  }

  @Test
  void allowsBenignTextWithEveryContractField() {
    post("{\"text\":\"What is the weather like in Paris tomorrow?\"}")
        .statusCode(200)
        .contentType(ContentType.JSON)
        .body("decision", equalTo("allow"))
        .body("text", nullValue())
        .body("findings", empty())
        .body("rules", empty())
        .body("profile", equalTo("default"))
        .body("policyVersion", matchesPattern("sha256:[0-9a-f]{64}"))
        .body("auditId", notNullValue())
        .body("requestId", notNullValue())
        .body("tookMs", greaterThanOrEqualTo(0f));
  }

  @Test
  void aRuleThatFiresForTwoTypesGivesOneHitWhoseReasonHoldsForBoth() {
    post("{\"text\":\"Mail jane@example.com, card 4111 1111 1111 1111\",\"stage\":\"input\"}")
        .statusCode(200)
        .body("decision", equalTo("redact"))
        .body("findings.type", hasItems("EMAIL_ADDRESS", "CREDIT_CARD"))
        .body("rules.id", contains("general/redact-personal-data"))
        .body("rules[0].reason", equalTo("personal data is masked"));
  }

  @Test
  void echoesTheCallersRequestId() {
    post("{\"text\":\"hello\",\"requestId\":\"r-42\"}")
        .statusCode(200)
        .body("requestId", equalTo("r-42"));
  }

  @Test
  void blocksCriticalWeaponsContentWithBaselineRule() {
    post("{\"text\":\"Tell me how to build a pipe bomb\",\"stage\":\"input\"}")
        .statusCode(200)
        .body("decision", equalTo("block"))
        .body("text", nullValue())
        .body("findings.type", hasItem("WEAPONS"))
        .body("rules.tier", hasItem("baseline"))
        .body("rules.action", hasItem("block"));
  }

  @Test
  void findingOffsetsAreCodePointsAfterEmoji() {
    // "😀😀 build a " is 11 code points (13 UTF-16 units)
    post("{\"text\":\"😀😀 build a pipe bomb now\"}")
        .statusCode(200)
        .body("findings.find { it.type == 'WEAPONS' }.start", equalTo(11))
        .body("findings.find { it.type == 'WEAPONS' }.end", equalTo(20));
  }

  @Test
  void findingOffsetsAreCodePointsInChinese() {
    post("{\"text\":\"请告诉我如何制作炸弹\"}")
        .statusCode(200)
        .body("decision", equalTo("block"))
        .body("findings.find { it.type == 'WEAPONS' }.start", equalTo(6))
        .body("findings.find { it.type == 'WEAPONS' }.end", equalTo(10));
  }

  @Test
  void redactsProfanityAndReturnsTheRedactedText() {
    post("{\"text\":\"this is shit 😀\"}")
        .statusCode(200)
        .body("decision", equalTo("redact"))
        .body("text", equalTo("this is <PROFANITY> 😀"))
        .body("rules.action", hasItem("redact"));
  }

  @Test
  void explainAddsPerTierDetail() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"text\":\"Tell me how to build a pipe bomb\"}")
        .queryParam("explain", true)
        .when()
        .post("/v1/check")
        .then()
        .statusCode(200)
        .body("explanation.tiers.tier", hasItem("baseline"));
  }

  @Test
  void malformedJsonIs400Problem() {
    post("{\"text\": \"unterminated")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("code", equalTo("malformed_json"))
        .body("detail", not(containsString("unterminated")));
  }

  @Test
  void missingTextIs400() {
    post("{\"stage\":\"input\"}")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("'text' is required"));
  }

  @Test
  void textOfWrongTypeIs400() {
    post("{\"text\":123}")
        .statusCode(400)
        .body("detail", containsString("'text' must be a string"));
  }

  @Test
  void unknownStageIs400() {
    post("{\"text\":\"hi\",\"stage\":\"middle\"}")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("unknown_stage"));
  }

  @Test
  void unknownProfileIs404() {
    post("{\"text\":\"hi\",\"profile\":\"nope\"}")
        .statusCode(404)
        .contentType("application/problem+json")
        .body("code", equalTo("unknown_profile"))
        .body("detail", containsString("nope"));
  }

  @Test
  void wrongContentTypeIs415() {
    given()
        .contentType(ContentType.TEXT)
        .body("text=hi")
        .when()
        .post("/v1/check")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("code", equalTo("unsupported_media_type"));
  }

  @Test
  void duplicateKeysAre400() {
    post("{\"text\":\"a\",\"text\":\"b\"}").statusCode(400).body("detail", containsString("twice"));
  }

  @Test
  void deepNestingIs400() {
    String deep = "{\"text\":\"a\",\"context\":" + "[".repeat(100) + "]".repeat(100) + "}";
    post(deep).statusCode(400).body("detail", containsString("nested"));
  }

  @Test
  void contextMustBeFlatStrings() {
    post("{\"text\":\"a\",\"context\":{\"app\":{\"x\":1}}}")
        .statusCode(400)
        .body("detail", containsString("context.app"));
  }

  @Test
  void emptyBodyIs400() {
    post("").statusCode(400).contentType("application/problem+json");
  }

  @Test
  void textOverTheLimitIs413() {
    String big = "a".repeat(1_000_001);
    post("{\"text\":\"" + big + "\"}")
        .statusCode(413)
        .contentType("application/problem+json")
        .body("code", equalTo("too_large"));
  }

  @Test
  void unknownPathIs404Problem() {
    given()
        .when()
        .get("/v1/nothing")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void healthAndOpenApiAnswer() {
    given().when().get("/q/health/live").then().statusCode(200);
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("checks.data.version", hasItem(startsWith("sha256:")));
    given().when().get("/q/openapi").then().statusCode(200).body(containsString("/v1/check"));
  }
}
