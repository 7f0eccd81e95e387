package dev.parapet.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: any checker key could claim any tenant, or leave it out to skip the tenant's rules. A
 * key bound to tenants acts for those alone; unbound keys behave as before.
 */
@QuarkusTest
@TestProfile(HardenedProfile.class)
class TenantBindingTest {

  private static ValidatableResponse check(String key, String body) {
    return RestAssured.given()
        .header("X-API-Key", key)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/check")
        .then();
  }

  private static void recordedTenant(String auditId, String tenant) {
    TestKeys.given()
        .get("/v1/audit/decisions/" + auditId)
        .then()
        .statusCode(200)
        .body("tenant", equalTo(tenant));
  }

  @Test
  void aBoundKeyNamingAnotherTenantIs403() {
    check(TestKeys.ACME_CHECKER, "{\"text\":\"hi\",\"tenant\":\"globex\"}")
        .statusCode(403)
        .contentType("application/problem+json")
        .body("code", equalTo("forbidden"))
        .body("detail", containsString("acme"));
  }

  @Test
  void aBoundKeyNamingItsTenantIsServed() {
    String auditId =
        check(TestKeys.ACME_CHECKER, "{\"text\":\"hi\",\"tenant\":\"acme\"}")
            .statusCode(200)
            .extract()
            .path("auditId");
    recordedTenant(auditId, "acme");
  }

  @Test
  void aKeyBoundToOneTenantGetsItWhenTheRequestNamesNone() {
    String auditId =
        check(TestKeys.ACME_CHECKER, "{\"text\":\"hi\"}").statusCode(200).extract().path("auditId");
    recordedTenant(auditId, "acme");
  }

  @Test
  void aKeyBoundToOneTenantKeepsTheConversationWhenTheRequestNamesNoTenant() {
    String auditId =
        check(
                TestKeys.ACME_CHECKER,
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Mail me at jane@example.com\"}]}")
            .statusCode(200)
            .body("findings[0].type", equalTo("EMAIL_ADDRESS"))
            .body("findings[0].message", equalTo(0))
            .extract()
            .path("auditId");
    recordedTenant(auditId, "acme");
  }

  @Test
  void aKeyBoundToSeveralTenantsMustNameOne() {
    check(TestKeys.MULTI_TENANT_CHECKER, "{\"text\":\"hi\"}")
        .statusCode(403)
        .body("detail", containsString("'tenant'"));
    check(TestKeys.MULTI_TENANT_CHECKER, "{\"text\":\"hi\",\"tenant\":\"globex\"}").statusCode(200);
    check(TestKeys.MULTI_TENANT_CHECKER, "{\"text\":\"hi\",\"tenant\":\"initech\"}")
        .statusCode(403);
  }

  @Test
  void anUnboundKeyMayNameAnyTenantOrNone() {
    String auditId =
        check(TestKeys.CHECKER, "{\"text\":\"hi\",\"tenant\":\"globex\"}")
            .statusCode(200)
            .extract()
            .path("auditId");
    recordedTenant(auditId, "globex");
    check(TestKeys.CHECKER, "{\"text\":\"hi\"}").statusCode(200);
  }
}
