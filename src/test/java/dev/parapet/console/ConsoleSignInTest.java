package dev.parapet.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.parapet.api.HardenedProfile;
import dev.parapet.api.TestJwt;
import dev.parapet.api.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signing in against the hardened service (a tight failed-authentication throttle, JWTs): failed
 * sign-ins are slowed as the API's failed authentications are, and a JWT's session ends with it.
 */
@QuarkusTest
@TestProfile(HardenedProfile.class)
class ConsoleSignInTest {

  private static final Pattern MAX_AGE = Pattern.compile("Max-Age=(\\d+)");

  @BeforeEach
  void noDefaultKey() {
    RestAssured.requestSpecification = null;
  }

  private static Response signIn(String credential) {
    return given()
        .redirects()
        .follow(false)
        .formParam("credential", credential)
        .post("/console/sign-in");
  }

  /** Waits until the address may sign in again, so that the next test starts unthrottled. */
  private static void awaitAllowance() throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    int status = signIn(TestKeys.ADMIN).statusCode();
    while (status == 429 && System.nanoTime() < deadline) {
      Thread.sleep(250);
      status = signIn(TestKeys.ADMIN).statusCode();
    }
    assertThat(status).isEqualTo(303);
  }

  @Test
  void failedSignInsFromOneAddressAreSlowedWith429AndRetryAfter() throws Exception {
    awaitAllowance();
    int failed = 0;
    Response r = signIn("wrong-key-0");
    while (r.statusCode() == 401 && failed < HardenedProfile.FAILED_AUTH_BURST + 1) {
      failed++;
      r = signIn("wrong-key-" + failed);
    }
    assertThat(failed).isBetween(1, HardenedProfile.FAILED_AUTH_BURST);
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(r.getHeader("Retry-After"))).isPositive();
    assertThat(r.asString()).contains("Too many failed sign-ins");
    assertThat(r.getHeader("Set-Cookie")).isNull();
    // while slowed, even a valid key waits, as on the API: guessing gains nothing by a lucky hit
    assertThat(signIn(TestKeys.ADMIN).statusCode()).isEqualTo(429);
    awaitAllowance();
  }

  @Test
  void aJwtSessionEndsWhenTheTokenExpires() throws Exception {
    awaitAllowance();
    Instant expires = Instant.now().plusSeconds(3);
    Response signedIn = signIn(TestJwt.token("carol", List.of("auditor"), expires));
    assertThat(signedIn.statusCode()).isEqualTo(303);
    Matcher age = MAX_AGE.matcher(signedIn.getHeader("Set-Cookie"));
    assertThat(age.find()).isTrue();
    assertThat(Long.parseLong(age.group(1))).isBetween(0L, 3L);
    String session = signedIn.getCookie(ConsoleGate.COOKIE);
    given()
        .cookie(ConsoleGate.COOKIE, session)
        .get("/console/audit")
        .then()
        .statusCode(200)
        .body(containsString("jwt:carol"));

    while (Instant.now().isBefore(expires.plusMillis(200))) {
      Thread.sleep(100);
    }
    given()
        .redirects()
        .follow(false)
        .cookie(ConsoleGate.COOKIE, session)
        .get("/console/audit")
        .then()
        .statusCode(303)
        .header("Location", containsString("/console/sign-in?ended"));
  }

  @Test
  void anExpiredJwtOpensNoSession() throws Exception {
    awaitAllowance();
    // within the verifier's 30 s of clock skew, but already past its exp
    Response r = signIn(TestJwt.token("dave", List.of("auditor"), Instant.now().minusSeconds(5)));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.asString()).contains("expired");
    assertThat(r.getHeader("Set-Cookie")).isNull();
  }
}
