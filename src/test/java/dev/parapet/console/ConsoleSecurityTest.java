package dev.parapet.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.parapet.api.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's door without a browser: cookie, CSRF, origin, roles and headers. */
@QuarkusTest
@TestProfile(ConsoleProfile.class)
class ConsoleSecurityTest {

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @BeforeEach
  void noDefaultKey() {
    RestAssured.requestSpecification = null;
  }

  private static Response signIn(String key) {
    return given().redirects().follow(false).formParam("credential", key).post("/console/sign-in");
  }

  private static String session(String key) {
    return signIn(key).then().statusCode(303).extract().cookie(ConsoleGate.COOKIE);
  }

  private static String csrf(String session, String page) {
    String html =
        given()
            .cookie(ConsoleGate.COOKIE, session)
            .get(page)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void signInSetsAnHttpOnlyStrictSessionCookieHoldingNoCredential() {
    String header = signIn(TestKeys.ADMIN).getHeader("Set-Cookie");
    assertThat(header)
        .contains("HttpOnly")
        .contains("SameSite=Strict")
        .contains("Path=/console")
        .doesNotContain(TestKeys.ADMIN);
  }

  @Test
  void aWrongKeyIsRefusedWithoutASession() {
    Response r = signIn("not-a-key");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.getHeader("Set-Cookie")).isNull();
  }

  @Test
  void pagesWithoutASessionSendToSignIn() {
    given()
        .redirects()
        .follow(false)
        .get("/console/audit")
        .then()
        .statusCode(303)
        .header("Location", containsString("/console/sign-in"));
  }

  @Test
  void aFormWithoutTheSessionsTokenIsRefused() {
    String s = session(TestKeys.ADMIN);
    given()
        .cookie(ConsoleGate.COOKIE, s)
        .formParam("csrf", "forged")
        .post("/console/policy/reload")
        .then()
        .statusCode(403)
        .body(containsString("did not come from the console"));
  }

  @Test
  void aFormFromAnotherOriginIsRefusedEvenWithTheToken() {
    String s = session(TestKeys.ADMIN);
    String token = csrf(s, "/console/policy");
    given()
        .cookie(ConsoleGate.COOKIE, s)
        .header("Origin", "https://evil.example")
        .formParam("csrf", token)
        .post("/console/policy/tests")
        .then()
        .statusCode(403)
        .body(containsString("another site"));
    given()
        .cookie(ConsoleGate.COOKIE, s)
        .formParam("csrf", token)
        .post("/console/policy/tests")
        .then()
        .statusCode(200)
        .body(containsString("policy test cases passed"));
  }

  @Test
  void everyPageChecksTheApisRoles() {
    String checker = session(TestKeys.CHECKER);
    given().cookie(ConsoleGate.COOKIE, checker).get("/console/try").then().statusCode(200);
    given().cookie(ConsoleGate.COOKIE, checker).get("/console/policy").then().statusCode(403);
    given().cookie(ConsoleGate.COOKIE, checker).get("/console/audit").then().statusCode(403);
    given()
        .cookie(ConsoleGate.COOKIE, checker)
        .get("/console/audit/export?format=csv")
        .then()
        .statusCode(403)
        .body(not(containsString("auditId,")));
    String auditor = session(TestKeys.AUDITOR);
    given().cookie(ConsoleGate.COOKIE, auditor).get("/console/audit").then().statusCode(200);
    given().cookie(ConsoleGate.COOKIE, auditor).get("/console/try").then().statusCode(403);
  }

  @Test
  void signingOutEndsTheSessionOnTheServer() {
    String s = session(TestKeys.ADMIN);
    String token = csrf(s, "/console/try");
    given()
        .redirects()
        .follow(false)
        .cookie(ConsoleGate.COOKIE, s)
        .formParam("csrf", token)
        .post("/console/sign-out")
        .then()
        .statusCode(303);
    given()
        .redirects()
        .follow(false)
        .cookie(ConsoleGate.COOKIE, s)
        .get("/console/try")
        .then()
        .statusCode(303);
  }

  @Test
  void pagesCarryAStrictContentSecurityPolicyAndNoInlineScript() {
    String s = session(TestKeys.ADMIN);
    Response page = given().cookie(ConsoleGate.COOKIE, s).get("/console/policy");
    String csp = page.getHeader("Content-Security-Policy");
    assertThat(csp)
        .contains("default-src 'none'")
        .contains("script-src 'self'")
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval");
    assertThat(page.getHeader("Referrer-Policy")).isEqualTo("same-origin");
    assertThat(page.asString())
        .doesNotContainPattern("<script(?![^>]*\\bsrc=)")
        .doesNotContain(" style=");
    given()
        .get("/webjars/htmx.org/2.0.4/dist/htmx.min.js")
        .then()
        .statusCode(200)
        .body(containsString("htmx"));
    given().get("/console/static/console.js").then().statusCode(200);
  }

  @Test
  void exportsTheFilterAsCsvAndJsonLines() {
    given()
        .header("X-API-Key", TestKeys.CHECKER)
        .contentType("application/json")
        .body("{\"text\":\"Tell me how to build a pipe bomb\"}")
        .post("/v1/check")
        .then()
        .statusCode(200);
    String s = session(TestKeys.AUDITOR);
    String csv =
        given()
            .cookie(ConsoleGate.COOKIE, s)
            .get("/console/audit/export?format=csv&decision=block")
            .then()
            .statusCode(200)
            .contentType(containsString("text/csv"))
            .extract()
            .asString();
    assertThat(csv).startsWith("auditId,time,").contains(",block,");
    assertThat(csv.lines().skip(1)).allSatisfy(l -> assertThat(l).contains(",block,"));
    String jsonl =
        given()
            .cookie(ConsoleGate.COOKIE, s)
            .get("/console/audit/export?format=jsonl&decision=block")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(jsonl.lines())
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).contains("\"decision\":\"block\""));
  }

  @Test
  void aBadFilterIsA400PageNamingTheField() {
    String s = session(TestKeys.AUDITOR);
    given()
        .cookie(ConsoleGate.COOKIE, s)
        .get("/console/audit?from=yesterday")
        .then()
        .statusCode(400)
        .body(containsString("&#39;From&#39; must be a date"));
  }
}
