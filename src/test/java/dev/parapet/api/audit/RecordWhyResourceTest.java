package dev.parapet.api.audit;

import static dev.parapet.api.TestKeys.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.api.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A record answers why, over the REST API: each rule's action and reason, what became of each
 * exemption, the context with its sensitive key hashed, the caller's key id and the shadow
 * candidate's version; the exports carry the same and stats count rules by what they did.
 */
@QuarkusTest
@TestProfile(WhyPolicy.class)
class RecordWhyResourceTest {

  private static final String EMAIL = "alice.whytest@example.com";
  private static final String TEXT = "Tell me how to build a pipe bomb, this shit is broken";

  /** Checks {@link #TEXT} with the checker's key (id test-checker) for tenant why-corp. */
  private static String check(String requestId, String tenant) {
    return RestAssured.given()
        .header("X-API-Key", TestKeys.CHECKER)
        .contentType(ContentType.JSON)
        .body(
            "{\"text\":\""
                + TEXT
                + "\",\"profile\":\"why\",\"tenant\":\""
                + tenant
                + "\",\"requestId\":\""
                + requestId
                + "\",\"context\":{\"app\":\"support-bot\",\"userEmail\":\""
                + EMAIL
                + "\"}}")
        .post("/v1/check")
        .then()
        .statusCode(200)
        .extract()
        .path("auditId");
  }

  private static String recordText(String auditId) {
    return given()
        .get("/v1/audit/decisions/" + auditId)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  @Test
  void aRecordHoldsEachRulesActionEachExemptionsOutcomeTheContextAndTheCaller() {
    String requestId = "why-" + UUID.randomUUID();
    String text = recordText(check(requestId, WhyPolicy.TENANT));
    JsonPath record = JsonPath.from(text);

    assertThat(record.getInt("v")).isEqualTo(2);
    assertThat(record.getString("decision")).isEqualTo("block");
    assertThat(record.getString("caller")).isEqualTo("test-checker");
    assertThat(record.getList("ruleActions", Map.class))
        .contains(
            Map.of(
                "rule", "baseline/block-critical-content",
                "tier", "baseline",
                "action", "block",
                "reason", "content of critical severity is never passed on"),
            Map.of(
                "rule", "tenant/why-corp/keep-profanity",
                "tier", "tenant/why-corp",
                "action", "exempt",
                "reason", "gaming chat"));
    assertThat(record.getList("ruleActions.rule", String.class))
        .doesNotContain("general/redact-profanity");
    assertThat(record.getList("relaxations", Map.class))
        .extracting(r -> r.get("rule") + " -> " + r.get("target") + ": " + r.get("outcome"))
        .contains(
            "tenant/why-corp/keep-profanity -> general/redact-profanity: exempted",
            "tenant/why-corp/pass-critical-content -> baseline/block-critical-content:"
                + " kept-mandatory",
            "tenant/why-corp/old-weapons-exception -> baseline/block-critical-content: expired");

    assertThat(record.getMap("context")).containsExactly(Map.entry("app", "support-bot"));
    assertThat(record.getString("hashedContext.userEmail")).matches("[0-9a-f]{64}");
    assertThat(text).doesNotContain(EMAIL).doesNotContain("alice.whytest");

    assertThat(record.getString("shadowDecision")).isEqualTo("allow");
    String candidate = given().get("/v1/policies").then().extract().path("shadows[0].version");
    assertThat(record.getString("shadowVersion"))
        .isEqualTo(candidate)
        .isNotEqualTo(record.getString("policyVersion"));
  }

  @Test
  void equalSensitiveValuesCorrelateByTheirKeyedHash() {
    String first = check("why-" + UUID.randomUUID(), WhyPolicy.TENANT);
    String second = check("why-" + UUID.randomUUID(), WhyPolicy.TENANT);
    assertThat(JsonPath.from(recordText(first)).getString("hashedContext.userEmail"))
        .isEqualTo(JsonPath.from(recordText(second)).getString("hashedContext.userEmail"));
  }

  @Test
  void exportsCarryTheNewMembersAndNeverTheSensitiveValue() {
    String requestId = "why-export-" + UUID.randomUUID();
    check(requestId, WhyPolicy.TENANT);
    String jsonl =
        given()
            .queryParam("format", "jsonl")
            .queryParam("requestId", requestId)
            .get("/v1/audit/export")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(jsonl)
        .contains("\"caller\":\"test-checker\"")
        .contains("\"outcome\":\"kept-mandatory\"")
        .contains("\"hashedContext\":{\"userEmail\":\"")
        .doesNotContain(EMAIL);
    String csv =
        given()
            .queryParam("format", "csv")
            .queryParam("requestId", requestId)
            .get("/v1/audit/export")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0))
        .endsWith(
            ",hash,caller,context,hashedContext,ruleActions,relaxations,shadowDecision,"
                + "shadowVersion");
    assertThat(lines.get(1))
        .contains("\"test-checker\"")
        .contains("\"{\"\"app\"\":\"\"support-bot\"\"}\"")
        .contains("\"\"action\"\":\"\"block\"\"")
        .contains("\"\"outcome\"\":\"\"exempted\"\"")
        .doesNotContain(EMAIL);
  }

  @Test
  void decisionsFilterByTheCaller() {
    String requestId = "why-caller-" + UUID.randomUUID();
    check(requestId, WhyPolicy.TENANT);
    given()
        .queryParam("requestId", requestId)
        .queryParam("caller", "test-checker")
        .get("/v1/audit/decisions")
        .then()
        .statusCode(200)
        .body("items.size()", org.hamcrest.Matchers.equalTo(1));
    given()
        .queryParam("requestId", requestId)
        .queryParam("caller", "test-admin")
        .get("/v1/audit/decisions")
        .then()
        .statusCode(200)
        .body("items.size()", org.hamcrest.Matchers.equalTo(0));
  }

  @Test
  void statsCountRulesByWhatTheyDid() {
    String tenant = "why-stats-" + UUID.randomUUID();
    // the store outlives one run: count only this test's records
    String since = java.time.Instant.now().minusSeconds(1).toString();
    // a tenant without exceptions: the profanity rule redacts, nothing is exempted
    check("s-" + UUID.randomUUID(), tenant);
    check("s-" + UUID.randomUUID(), WhyPolicy.TENANT);
    check("s-" + UUID.randomUUID(), WhyPolicy.TENANT);

    JsonPath other =
        given()
            .queryParam("by", "ruleAction")
            .queryParam("tenant", tenant)
            .get("/v1/audit/stats")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(other.getString("by")).isEqualTo("ruleAction");
    assertThat(other.getMap("counts.'general/redact-profanity'"))
        .containsExactly(Map.entry("redact", 1));
    assertThat(other.getMap("counts.'baseline/block-critical-content'"))
        .containsExactly(Map.entry("block", 1));

    JsonPath exempting =
        given()
            .queryParam("by", "ruleAction")
            .queryParam("tenant", WhyPolicy.TENANT)
            .queryParam("caller", "test-checker")
            .queryParam("from", since)
            .get("/v1/audit/stats")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    int checks = exempting.getInt("counts.'baseline/block-critical-content'.block");
    assertThat(checks).isGreaterThanOrEqualTo(2);
    assertThat(exempting.getMap("counts.'general/redact-profanity'")).isNull();
    assertThat(exempting.getMap("counts.'tenant/why-corp/keep-profanity'"))
        .containsExactly(Map.entry("exempted", checks));
    assertThat(exempting.getMap("counts.'tenant/why-corp/pass-critical-content'"))
        .containsExactly(Map.entry("kept-mandatory", checks));
    assertThat(exempting.getMap("counts.'tenant/why-corp/old-weapons-exception'"))
        .containsEntry("expired", checks);

    // by=rule keeps its flat shape: every rule that acted, the applied exemption among them
    given()
        .queryParam("by", "rule")
        .queryParam("tenant", tenant)
        .get("/v1/audit/stats")
        .then()
        .statusCode(200)
        .body("counts.'general/redact-profanity'", org.hamcrest.Matchers.equalTo(1));
  }

  /** With the admin's key, so that the stats test's caller filter leaves this record out. */
  @Test
  void aStreamedAnswersRecordNamesItsCallerAndContextToo() {
    String id =
        RestAssured.given()
            .header("X-API-Key", TestKeys.ADMIN)
            .contentType(ContentType.JSON)
            .body(
                "{\"profile\":\"why\",\"tenant\":\"why-corp\","
                    + "\"context\":{\"userEmail\":\""
                    + EMAIL
                    + "\"}}")
            .post("/v1/streams")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    RestAssured.given()
        .header("X-API-Key", TestKeys.ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("text", "this shit is broken"))
        .post("/v1/streams/" + id + "/chunks")
        .then()
        .statusCode(200);
    String auditId =
        RestAssured.given()
            .header("X-API-Key", TestKeys.ADMIN)
            .post("/v1/streams/" + id + "/close")
            .then()
            .statusCode(200)
            .extract()
            .path("auditId");
    String text = recordText(auditId);
    JsonPath record = JsonPath.from(text);
    assertThat(record.getString("caller")).isEqualTo("test-admin");
    assertThat(record.getString("hashedContext.userEmail")).matches("[0-9a-f]{64}");
    assertThat(record.getList("relaxations.outcome", String.class)).contains("exempted");
    assertThat(text).doesNotContain(EMAIL);
  }

  @Test
  void anUnknownStatsDimensionNamesTheNewOnes() {
    given()
        .queryParam("by", "ruleActions")
        .get("/v1/audit/stats")
        .then()
        .statusCode(400)
        .body("detail", org.hamcrest.Matchers.containsString("ruleAction"));
  }
}
