package dev.parapet.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configured limits answer with their own status: 429 with Retry-After, 413 for a big body. */
@QuarkusTest
@TestProfile(LimitsTest.Tight.class)
class LimitsTest {

  /** A key may send two requests a second; bodies may be 64 KB. */
  public static class Tight implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "parapet.auth.requests-per-second", "2",
          "quarkus.http.limits.max-body-size", "64K");
    }
  }

  private static io.restassured.response.Response post(String body) {
    return given()
        .header("X-API-Key", TestKeys.CHECKER)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/check");
  }

  @Test
  void overTheRateIs429WithRetryAfter() {
    int limited = 0;
    for (int i = 0; i < 6; i++) {
      io.restassured.response.Response r = post("{\"text\":\"hi\"}");
      if (r.statusCode() == 429) {
        limited++;
        r.then()
            .contentType("application/problem+json")
            .header("Retry-After", notNullValue())
            .body("code", equalTo("rate_limited"));
      }
    }
    org.assertj.core.api.Assertions.assertThat(limited).isPositive();
  }

  private static io.restassured.response.Response gateway() {
    return given()
        .header("Authorization", "Bearer " + TestKeys.CHECKER)
        .contentType(ContentType.JSON)
        .body("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
        .post("/v1/chat/completions");
  }

  /**
   * The key's two requests of a second spent on the API leave none for the gateway: one allowance.
   * Tried a few times, since a slow machine may refill the bucket between the calls.
   */
  @Test
  void theGatewaySpendsTheKeysRateAndAnswers429InOpenAisErrorJson() throws Exception {
    gateway(); // warm: the first call of a route is slow
    io.restassured.response.Response limited = null;
    for (int attempt = 0; attempt < 5 && limited == null; attempt++) {
      Thread.sleep(1100); // a fresh second of rate
      post("{\"text\":\"hi\"}");
      post("{\"text\":\"hi\"}");
      io.restassured.response.Response r = gateway();
      if (r.statusCode() == 429) {
        limited = r;
      } else {
        // admitted: this profile has no upstream, so the gateway says it is off
        r.then().statusCode(404).body("error.code", equalTo("gateway_off"));
      }
    }
    org.assertj.core.api.Assertions.assertThat(limited).as("a 429 from the gateway").isNotNull();
    limited
        .then()
        .contentType("application/json")
        .header("Retry-After", notNullValue())
        .body("error.type", equalTo("rate_limit_error"))
        .body("error.code", equalTo("rate_limited"));
  }

  @Test
  void liteLlmsGuardrailRouteSpendsTheSameRate() throws Exception {
    Thread.sleep(1100);
    int limited = 0;
    for (int i = 0; i < 6; i++) {
      io.restassured.response.Response r =
          given()
              .header("Authorization", "Bearer " + TestKeys.CHECKER)
              .contentType(ContentType.JSON)
              .body("{\"texts\":[\"hello\"],\"input_type\":\"request\"}")
              .post("/beta/litellm_basic_guardrail_api");
      if (r.statusCode() == 429) {
        limited++;
        r.then()
            .contentType("application/problem+json")
            .header("Retry-After", notNullValue())
            .body("code", equalTo("rate_limited"));
      } else {
        r.then().statusCode(200);
      }
    }
    org.assertj.core.api.Assertions.assertThat(limited).isPositive();
  }

  @Test
  void aBodyOverTheLimitIs413() throws Exception {
    Thread.sleep(1100); // a fresh second of rate
    post("{\"text\":\"" + "a".repeat(70_000) + "\"}")
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
  }
}
