package dev.parapet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Issue 19: failed authentications were not rate-limited; now an address is slowed. */
@QuarkusTest
@TestProfile(HardenedProfile.class)
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
}
