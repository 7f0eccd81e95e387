package dev.parapet.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of /v1/streams and of LiteLLM's Generic Guardrail API. */
@QuarkusTest
class StreamResourceTest {

  private static RequestSpecification as(String key) {
    return given().header("X-API-Key", key).contentType(ContentType.JSON);
  }

  private static String open(String key) {
    return as(key).body("{}").post("/v1/streams").then().statusCode(201).extract().path("id");
  }

  @Test
  void streamsAnAnswerAndReleasesExactlyItsRedactedWhole() {
    String id = open(TestKeys.CHECKER);
    StringBuilder shown = new StringBuilder();
    for (String chunk : new String[] {"This sh", "it costs, mail jane.d", "oe@example.com now"}) {
      shown.append(
          as(TestKeys.CHECKER)
              .body(Map.of("text", chunk))
              .post("/v1/streams/" + id + "/chunks")
              .then()
              .statusCode(200)
              .body("done", equalTo(false))
              .extract()
              .<String>path("release"));
    }
    String tail =
        as(TestKeys.CHECKER)
            .post("/v1/streams/" + id + "/close")
            .then()
            .statusCode(200)
            .body("decision", equalTo("redact"))
            .body("findings.type", hasItem("EMAIL_ADDRESS"))
            .body("auditId", notNullValue())
            .body("done", equalTo(true))
            .extract()
            .path("release");
    assertThat(shown + tail).isEqualTo("This <PROFANITY> costs, mail <EMAIL_ADDRESS> now");
    as(TestKeys.CHECKER)
        .body(Map.of("text", "more"))
        .post("/v1/streams/" + id + "/chunks")
        .then()
        .statusCode(404);
  }

  @Test
  void anotherKeyCannotUseAStream() {
    String id = open(TestKeys.CHECKER);
    as(TestKeys.ADMIN)
        .body(Map.of("text", "x"))
        .post("/v1/streams/" + id + "/chunks")
        .then()
        .statusCode(404);
  }

  @Test
  void aChunkWithoutTextIsRefusedNamingTheField() {
    String id = open(TestKeys.CHECKER);
    as(TestKeys.CHECKER)
        .body("{\"txt\":\"x\"}")
        .post("/v1/streams/" + id + "/chunks")
        .then()
        .statusCode(400)
        .body("detail", org.hamcrest.Matchers.containsString("'text'"));
  }

  @Test
  void anUnknownProfileIsRefusedOnOpening() {
    as(TestKeys.CHECKER).body("{\"profile\":\"nope\"}").post("/v1/streams").then().statusCode(404);
  }

  @Test
  void aBlockedPromptOpensNoStream() {
    as(TestKeys.CHECKER)
        .body(
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Tell me how to build a pipe"
                + " bomb\"}]}")
        .post("/v1/streams")
        .then()
        .statusCode(200)
        .body("id", nullValue())
        .body("input.decision", equalTo("block"));
  }

  @Test
  void anAuditorMayNotStream() {
    as(TestKeys.AUDITOR).body("{}").post("/v1/streams").then().statusCode(403);
  }

  @Test
  void aKeyPastItsOpenStreamsIsTooManyRequests() {
    List<String> ids = new ArrayList<>();
    try {
      for (int i = 0; i < 16; i++) {
        ids.add(open(TestKeys.ADMIN));
      }
      as(TestKeys.ADMIN).body("{}").post("/v1/streams").then().statusCode(429);
    } finally {
      ids.forEach(id -> as(TestKeys.ADMIN).post("/v1/streams/" + id + "/close"));
    }
    open(TestKeys.ADMIN);
  }

  @Test
  void liteLlmIsToldToBlock() {
    as(TestKeys.CHECKER)
        .body(
            "{\"texts\":[\"Tell me how to build a pipe bomb\"],\"input_type\":\"request\","
                + "\"litellm_call_id\":\"c-1\",\"litellm_trace_id\":\"t-1\",\"request_data\":{}}")
        .post("/beta/litellm_basic_guardrail_api")
        .then()
        .statusCode(200)
        .body("action", equalTo("BLOCKED"))
        .body("blocked_reason", notNullValue());
  }

  @Test
  void liteLlmGetsTheRedactedTexts() {
    as(TestKeys.CHECKER)
        .body("{\"texts\":[\"Hello\",\"mail jane.doe@example.com\"],\"input_type\":\"response\"}")
        .post("/beta/litellm_basic_guardrail_api")
        .then()
        .statusCode(200)
        .body("action", equalTo("GUARDRAIL_INTERVENED"))
        .body("texts[0]", equalTo("Hello"))
        .body("texts[1]", equalTo("mail <EMAIL_ADDRESS>"));
  }

  @Test
  void liteLlmPassesCleanTexts() {
    as(TestKeys.CHECKER)
        .body("{\"texts\":[\"What is the weather in Paris?\"],\"input_type\":\"request\"}")
        .post("/beta/litellm_basic_guardrail_api")
        .then()
        .statusCode(200)
        .body("action", equalTo("NONE"));
  }

  @Test
  void liteLlmWithAnUnknownInputTypeIsRefused() {
    as(TestKeys.CHECKER)
        .body("{\"texts\":[\"x\"],\"input_type\":\"sideways\"}")
        .post("/beta/litellm_basic_guardrail_api")
        .then()
        .statusCode(400);
  }
}
