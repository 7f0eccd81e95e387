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

  private static void checkFor(String tenant, String text) {
    given()
        .contentType(ContentType.JSON)
        .body("{\"text\":\"" + text + "\",\"tenant\":\"" + tenant + "\"}")
        .post("/v1/check")
        .then()
        .statusCode(200);
  }

  @Test
  void statsHonourTheFiltersDecisionsTakes() {
    String tenant = "stats-" + UUID.randomUUID();
    checkFor(tenant, "Tell me how to build a pipe bomb");
    checkFor(tenant, "this shit is broken");
    checkFor(tenant, "hello");
    given()
        .queryParam("by", "rule")
        .queryParam("decision", "block")
        .queryParam("tenant", tenant)
        .get("/v1/audit/stats")
        .then()
        .statusCode(200)
        .body("counts.'baseline/block-critical-content'", equalTo(1))
        .body("counts.'general/redact-profanity'", nullValue());
    given()
        .queryParam("by", "decision")
        .queryParam("tenant", tenant)
        .get("/v1/audit/stats")
        .then()
        .statusCode(200)
        .body("counts.block", equalTo(1))
        .body("counts.redact", equalTo(1))
        .body("counts.allow", equalTo(1));
    given()
        .queryParam("by", "tenant")
        .queryParam("tenant", tenant)
        .queryParam("type", "PROFANITY")
        .get("/v1/audit/stats")
        .then()
        .statusCode(200)
        .body("counts.size()", equalTo(1))
        .body("counts.'" + tenant + "'", equalTo(1));
  }

  @Test
  void statsCountByHourBuckets() {
    String tenant = "time-" + UUID.randomUUID();
    checkFor(tenant, "hello");
    checkFor(tenant, "hello again");
    String hour =
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).toString();
    given()
        .queryParam("by", "time")
        .queryParam("bucket", "1h")
        .queryParam("tenant", tenant)
        .queryParam("from", hour)
        .get("/v1/audit/stats")
        .then()
        .statusCode(200)
        .body("by", equalTo("time"))
        .body("bucket", equalTo("1h"))
        .body("counts.'" + hour + "'", equalTo(2));
  }

  @Test
  void aParameterAnEndpointDoesNotTakeIs400NamingIt() {
    for (String path : new String[] {"decisions", "stats", "export", "verify"}) {
      given()
          .queryParam("tennant", "acme")
          .get("/v1/audit/" + path)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("detail", containsString("'tennant'"));
    }
    given()
        .queryParam("by", "rule")
        .queryParam("bucket", "1h")
        .get("/v1/audit/stats")
        .then()
        .statusCode(400)
        .body("detail", containsString("'bucket'"));
    given()
        .queryParam("by", "time")
        .queryParam("bucket", "an hour")
        .get("/v1/audit/stats")
        .then()
        .statusCode(400)
        .body("detail", containsString("'bucket'"));
    given()
        .queryParam("shadowDecision", "maybe")
        .get("/v1/audit/export")
        .then()
        .statusCode(400)
        .body("detail", containsString("'shadowDecision'"));
  }

  @Test
  void theOpenApiDocumentListsEveryParameter() {
    io.restassured.path.json.JsonPath doc =
        given().queryParam("format", "json").get("/q/openapi").then().extract().jsonPath();
    java.util.List<String> filters =
        java.util.List.of(
            "from",
            "to",
            "decision",
            "profile",
            "tenant",
            "stage",
            "rule",
            "type",
            "requestId",
            "shadowDecision");
    java.util.Map<String, java.util.List<String>> own =
        java.util.Map.of(
            "decisions", java.util.List.of("limit", "cursor"),
            "stats", java.util.List.of("by", "bucket"),
            "export", java.util.List.of("format"),
            "verify", java.util.List.of());
    own.forEach(
        (path, extra) -> {
          java.util.List<String> names =
              doc.getList("paths.'/v1/audit/" + path + "'.get.parameters.name", String.class);
          org.assertj.core.api.Assertions.assertThat(names)
              .as(path)
              .containsAll(filters)
              .containsAll(extra);
        });
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
