package dev.parapet.api.audit;

import static dev.parapet.api.TestKeys.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.parapet.api.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The auditors' API over decisions the service itself recorded. */
@QuarkusTest
class AuditResourceTest {

  private static String check(String text, String requestId) {
    return given()
        .contentType(ContentType.JSON)
        .body("{\"text\":\"" + text + "\",\"requestId\":\"" + requestId + "\",\"tenant\":\"acme\"}")
        .post("/v1/check")
        .then()
        .statusCode(200)
        .extract()
        .path("auditId");
  }

  @Test
  void everyAnsweredCheckHasItsRecordWithoutTheText() {
    String requestId = "audit-" + UUID.randomUUID();
    String auditId = check("Tell me how to build a pipe bomb", requestId);
    given()
        .get("/v1/audit/decisions/" + auditId)
        .then()
        .statusCode(200)
        .body("auditId", equalTo(auditId))
        .body("requestId", equalTo(requestId))
        .body("decision", equalTo("block"))
        .body("rules", hasItem("baseline/block-critical-content"))
        .body("findings[0].type", equalTo("WEAPONS"))
        .body("textLength", equalTo(32))
        .body("textHash", notNullValue())
        .body("storedText", nullValue())
        .body("hash", notNullValue())
        .body(not(containsString("pipe bomb")));
  }

  private static String textHashOf(String auditId) {
    return given().get("/v1/audit/decisions/" + auditId).then().extract().path("textHash");
  }

  @Test
  void equalTextsCorrelateByTheirKeyedHashAndOthersDoNot() {
    String first = textHashOf(check("the quarterly numbers look fine", "h-" + UUID.randomUUID()));
    String again = textHashOf(check("the quarterly numbers look fine", "h-" + UUID.randomUUID()));
    String other = textHashOf(check("the quarterly numbers look bad", "h-" + UUID.randomUUID()));
    org.assertj.core.api.Assertions.assertThat(first).matches("[0-9a-f]{64}").isEqualTo(again);
    org.assertj.core.api.Assertions.assertThat(other).isNotEqualTo(first);
  }

  @Test
  void filtersByRequestIdDecisionAndRule() {
    String requestId = "filter-" + UUID.randomUUID();
    check("this shit is broken", requestId);
    given()
        .queryParam("requestId", requestId)
        .queryParam("decision", "redact")
        .queryParam("rule", "general/redact-profanity")
        .queryParam("type", "PROFANITY")
        .get("/v1/audit/decisions")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].requestId", equalTo(requestId));
  }

  @Test
  void pagesWithACursor() {
    for (int i = 0; i < 3; i++) {
      check("hello " + i, "page-" + UUID.randomUUID());
    }
    String next =
        given()
            .queryParam("limit", 2)
            .get("/v1/audit/decisions")
            .then()
            .statusCode(200)
            .body("items", hasSize(2))
            .extract()
            .path("nextCursor");
    given()
        .queryParam("limit", 2)
        .queryParam("cursor", next)
        .get("/v1/audit/decisions")
        .then()
        .statusCode(200)
        .body("items.size()", greaterThan(0));
  }

  @Test
  void theChainVerifies() {
    check("hello", "verify-" + UUID.randomUUID());
    given()
        .get("/v1/audit/verify")
        .then()
        .statusCode(200)
        .body("ok", equalTo(true))
        .body("checked", greaterThan(0))
        .body("firstBad", nullValue());
  }

  @Test
  void exportsJsonLinesAndCsv() {
    String requestId = "export-" + UUID.randomUUID();
    check("hello there", requestId);
    given()
        .queryParam("format", "jsonl")
        .queryParam("requestId", requestId)
        .get("/v1/audit/export")
        .then()
        .statusCode(200)
        .contentType("application/x-ndjson")
        .body(containsString("\"requestId\":\"" + requestId + "\""));
    given()
        .queryParam("format", "csv")
        .queryParam("requestId", requestId)
        .get("/v1/audit/export")
        .then()
        .statusCode(200)
        .contentType(containsString("text/csv"))
        .body(containsString("auditId,time,requestId"))
        .body(containsString(requestId));
  }

  @Test
  void countsByDecision() {
    check("hello", "stats-" + UUID.randomUUID());
    given()
        .queryParam("by", "decision")
        .get("/v1/audit/stats")
        .then()
        .statusCode(200)
        .body("by", equalTo("decision"))
        .body("counts.allow", greaterThan(0));
  }

  @Test
  void badParametersAre400Problems() {
    given()
        .queryParam("limit", 0)
        .get("/v1/audit/decisions")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given().queryParam("from", "yesterday").get("/v1/audit/decisions").then().statusCode(400);
    given().queryParam("decision", "maybe").get("/v1/audit/decisions").then().statusCode(400);
    given().queryParam("cursor", "%%%").get("/v1/audit/decisions").then().statusCode(400);
    given().queryParam("by", "colour").get("/v1/audit/stats").then().statusCode(400);
    given().queryParam("format", "xml").get("/v1/audit/export").then().statusCode(400);
  }

  @Test
  void unknownAuditIdIs404() {
    given()
        .get("/v1/audit/decisions/nope")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void onlyAuditorsReadTheLog() {
    RestAssured.given()
        .header("X-API-Key", TestKeys.CHECKER)
        .get("/v1/audit/decisions")
        .then()
        .statusCode(403);
    RestAssured.given()
        .header("X-API-Key", TestKeys.AUDITOR)
        .get("/v1/audit/decisions")
        .then()
        .statusCode(200)
        .body("items.decision", everyItem(notNullValue()));
  }
}
