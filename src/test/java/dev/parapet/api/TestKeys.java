package dev.parapet.api;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;

/** The plain keys behind src/test/resources/auth/keys.yaml. */
public final class TestKeys {

  public static final String ADMIN = "admin-key-for-tests";
  public static final String CHECKER = "checker-key-for-tests";
  public static final String AUDITOR = "auditor-key-for-tests";

  private TestKeys() {}

  /** Makes every REST Assured request of the calling test class carry the admin key. */
  public static void useAdminKey() {
    RestAssured.requestSpecification =
        new RequestSpecBuilder().addHeader("X-API-Key", ADMIN).build();
  }
}
