package dev.parapet.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Credentials and roles on the HTTP surface. */
@QuarkusTest
class AuthTest {

  private static final String BODY = "{\"text\":\"hello\"}";

  @BeforeEach
  void noDefaultKey() {
    RestAssured.requestSpecification = null;
  }

  @Test
  void checkWithoutCredentialsIs401Problem() {
    given()
        .contentType(ContentType.JSON)
        .body(BODY)
        .post("/v1/check")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", containsString("Bearer"))
        .body("code", equalTo("unauthenticated"));
  }

  @Test
  void unknownKeyIs401() {
    given()
        .header("X-API-Key", "not-a-key")
        .contentType(ContentType.JSON)
        .body(BODY)
        .post("/v1/check")
        .then()
        .statusCode(401);
  }

  @Test
  void apiKeyHeaderIsAccepted() {
    given()
        .header("X-API-Key", TestKeys.CHECKER)
        .contentType(ContentType.JSON)
        .body(BODY)
        .post("/v1/check")
        .then()
        .statusCode(200);
  }

  @Test
  void bearerKeyIsAccepted() {
    given()
        .header("Authorization", "Bearer " + TestKeys.CHECKER)
        .contentType(ContentType.JSON)
        .body(BODY)
        .post("/v1/check")
        .then()
        .statusCode(200);
  }

  @Test
  void wrongRoleIs403Problem() {
    given()
        .header("X-API-Key", TestKeys.AUDITOR)
        .contentType(ContentType.JSON)
        .body(BODY)
        .post("/v1/check")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("checker"));
  }

  @Test
  void operationsEndpointsAnswerAnonymously() {
    given().get("/q/health/live").then().statusCode(200);
    given().get("/q/health/ready").then().statusCode(200);
    given().get("/q/openapi").then().statusCode(200);
    given().get("/q/metrics").then().statusCode(200);
  }

  @Test
  void everyAnswerCarriesSecurityHeaders() {
    given()
        .contentType(ContentType.JSON)
        .body(BODY)
        .post("/v1/check")
        .then()
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store");
    given().get("/q/health/live").then().header("X-Frame-Options", "DENY");
  }

  @Test
  void errorBodiesNameNoInternalClasses() {
    given()
        .header("X-API-Key", TestKeys.CHECKER)
        .contentType(ContentType.JSON)
        .body("{\"text\": [1,2")
        .post("/v1/check")
        .then()
        .statusCode(400)
        .body(not(containsString("com.fasterxml")))
        .body(not(containsString("dev.parapet")))
        .body(not(containsString("Exception")));
  }
}
