package dev.parapet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Issue 19: failed authentications were not rate-limited; now an address is slowed. */
@QuarkusTest
@TestProfile(HardenedProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailedAuthenticationTest {

  private static int check(String key) {
    return RestAssured.given()
        .header("X-API-Key", key)
        .contentType(ContentType.JSON)
        .body("{\"text\":\"hi\"}")
        .post("/v1/check")
        .statusCode();
  }

  @Test
  @Order(1)
  void repeatedFailuresFromOneAddressAre429WithRetryAfter() throws Exception {
    for (int i = 0; i < HardenedProfile.FAILED_AUTH_BURST; i++) {
      assertThat(check("wrong-key-" + i)).isEqualTo(401);
    }
    RestAssured.given()
        .header("X-API-Key", "wrong-key-again")
        .contentType(ContentType.JSON)
        .body("{\"text\":\"hi\"}")
        .post("/v1/check")
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("code", equalTo("rate_limited"))
        .header("Retry-After", notNullValue());
    // the allowance comes back: within a few seconds even a valid key is served again
    long deadline = System.nanoTime() + 20_000_000_000L;
    int status = check(TestKeys.CHECKER);
    while (status == 429 && System.nanoTime() < deadline) {
      Thread.sleep(250);
      status = check(TestKeys.CHECKER);
    }
    assertThat(status).isEqualTo(200);
  }

  private static io.restassured.response.Response gateway(String key) {
    return RestAssured.given()
        .header("Authorization", "Bearer " + key)
        .contentType(ContentType.JSON)
        .body("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
        .post("/v1/chat/completions");
  }

  /** The gateway counts its failures in the same throttle: guessing there is slowed as well. */
  @Test
  @Order(2)
  void failuresAtTheGatewayAreThrottledLikeTheApis() throws Exception {
    int refused = 0;
    io.restassured.response.Response last = null;
    for (int i = 0; i <= HardenedProfile.FAILED_AUTH_BURST && refused == 0; i++) {
      last = gateway("wrong-gateway-key-" + i);
      if (last.statusCode() == 429) {
        refused++;
      } else {
        assertThat(last.statusCode()).isEqualTo(401);
        last.then().body("error.code", equalTo("invalid_api_key"));
      }
    }
    assertThat(refused).as("429 within the burst and one").isEqualTo(1);
    last.then()
        .contentType("application/json")
        .header("Retry-After", notNullValue())
        .body("error.type", equalTo("rate_limit_error"));
    // one throttle for the address: the API refuses it too while it waits
    assertThat(check("wrong-key-after-gateway")).isEqualTo(429);
    long deadline = System.nanoTime() + 20_000_000_000L;
    int status = check(TestKeys.CHECKER);
    while (status == 429 && System.nanoTime() < deadline) {
      Thread.sleep(250);
      status = check(TestKeys.CHECKER);
    }
    assertThat(status).isEqualTo(200);
  }
}
