package dev.parapet.api;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** The plain keys behind src/test/resources/auth/keys.yaml. */
public final class TestKeys {

  public static final String ADMIN = "admin-key-for-tests";
  public static final String CHECKER = "checker-key-for-tests";
  public static final String AUDITOR = "auditor-key-for-tests";

  /** Bound to tenant acme, in auth/bound-keys.yaml only. */
  public static final String ACME_CHECKER = "acme-checker-key-for-tests";

  /** Bound to tenants acme and globex, in auth/bound-keys.yaml only. */
  public static final String MULTI_TENANT_CHECKER = "multi-tenant-checker-key-for-tests";

  private TestKeys() {}

  /** A REST Assured request carrying the admin key. */
  public static RequestSpecification given() {
    return RestAssured.given().header("X-API-Key", ADMIN);
  }
}
