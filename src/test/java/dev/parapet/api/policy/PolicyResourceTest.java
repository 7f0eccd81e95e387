package dev.parapet.api.policy;

import static dev.parapet.api.TestKeys.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import dev.parapet.api.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What officers see and do: the loaded policy, reloads that succeed or fail, lexicon search. */
@QuarkusTest
@TestProfile(CopiedPolicy.class)
class PolicyResourceTest {

  private static String version() {
    return given().get("/v1/policies").then().statusCode(200).extract().path("version");
  }

  private static String decide(String text) {
    return given()
        .contentType(ContentType.JSON)
        .body("{\"text\":\"" + text + "\"}")
        .post("/v1/check")
        .then()
        .statusCode(200)
        .extract()
        .path("decision");
  }

  @Test
  void describesTheLoadedPolicy() {
    given()
        .get("/v1/policies")
        .then()
        .statusCode(200)
        .body("version", containsString("sha256:"))
        .body("defaultProfile", equalTo("default"))
        .body("profiles.name", hasItems("default", "healthcare", "finance"))
        .body("profiles.find { it.name == 'healthcare' }.tiers", hasItem("industry/healthcare"))
        .body("tiers.baseline", hasItem("baseline/block-critical-content"))
        .body("lexicons.find { it.name == 'weapons-en' }.terms", notNullValue())
        .body("exceptions.approvedBy", hasItem("trust-and-safety"))
        .body("lastReload.ok", equalTo(true));
  }

  @Test
  void searchesALexiconByPrefixAndByEditDistance() {
    given()
        .queryParam("q", "pipe")
        .get("/v1/lexicons/weapons-en/terms")
        .then()
        .statusCode(200)
        .body("terms.term", hasItem("pipe bomb"))
        .body("terms.find { it.term == 'pipe bomb' }.line", notNullValue());
    given()
        .queryParam("q", "pipe bmob")
        .get("/v1/lexicons/weapons-en/terms")
        .then()
        .statusCode(200)
        .body("terms.term", hasItem("pipe bomb"));
    given().queryParam("q", "x").get("/v1/lexicons/nope/terms").then().statusCode(404);
    given().get("/v1/lexicons/weapons-en/terms").then().statusCode(400);
  }

  @Test
  void onlyPolicyAdminsManageThePolicy() {
    RestAssured.given()
        .header("X-API-Key", TestKeys.CHECKER)
        .post("/v1/policies/reload")
        .then()
        .statusCode(403);
  }

  @Test
  void aBrokenRuleFileIs422WithFileAndLineAndTheOldVersionKeepsServing() throws Exception {
    String before = version();
    var broken = CopiedPolicy.rules().resolve("general/broken.drl");
    Files.writeString(
        broken,
        "package x;\nimport dev.parapet.model.*;\nrule \"Broken\"\nwhen\n  Finding(nosuch == 1)\nthen\nend\n");
    try {
      given()
          .post("/v1/policies/reload")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("errors.file", hasItem("general/broken.drl"))
          .body("errors.find { it.file == 'general/broken.drl' }.line", equalTo(5))
          .body("detail", containsString(before));
      assertThat(version()).isEqualTo(before);
      assertThat(decide("build a pipe bomb")).isEqualTo("block");
      given().get("/v1/policies").then().body("lastReload.ok", equalTo(false));
    } finally {
      Files.delete(broken);
      given().post("/v1/policies/reload").then().statusCode(200);
    }
  }

  @Test
  void aFailingPolicyTestStopsTheReload() throws Exception {
    var test = CopiedPolicy.rules().resolve("general/extra.test.yaml");
    Files.writeString(
        test,
        "cases:\n  - name: wrong on purpose\n    text: hello\n    expect:\n      decision: block\n");
    try {
      given()
          .post("/v1/policies/reload")
          .then()
          .statusCode(422)
          .body("errors[0].file", equalTo("general/extra.test.yaml"))
          .body("errors[0].message", containsString("wrong on purpose"));
    } finally {
      Files.delete(test);
      given().post("/v1/policies/reload").then().statusCode(200);
    }
  }

  @Test
  void aNewTermTakesEffectOnReloadWhileChecksKeepFlowing() throws Exception {
    String before = version();
    assertThat(decide("the zorblax is here")).isEqualTo("allow");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger answered = new AtomicInteger();
    Set<String> versions = ConcurrentHashMap.newKeySet();
    List<Future<?>> load = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      load.add(
          pool.submit(
              () -> {
                while (running.get()) {
                  var response =
                      given()
                          .contentType(ContentType.JSON)
                          .body("{\"text\":\"hello there\"}")
                          .post("/v1/check");
                  if (response.statusCode() != 200) {
                    failures.incrementAndGet();
                  } else {
                    versions.add(response.path("policyVersion"));
                    answered.incrementAndGet();
                  }
                }
              }));
    }
    var lexicon = CopiedPolicy.lexicons().resolve("test-made-up.txt");
    Files.writeString(
        CopiedPolicy.lexicons().resolve("test-made-up.yaml"),
        "category: weapons\nseverity: critical\n");
    Files.writeString(lexicon, "zorblax\n");
    String after;
    try {
      after = given().post("/v1/policies/reload").then().statusCode(200).extract().path("version");
      Thread.sleep(300);
    } finally {
      running.set(false);
      for (Future<?> f : load) {
        f.get(30, TimeUnit.SECONDS);
      }
      pool.shutdown();
    }
    assertThat(after).isNotEqualTo(before);
    assertThat(failures.get()).isZero();
    assertThat(answered.get()).isPositive();
    assertThat(versions).isSubsetOf(before, after);
    assertThat(decide("the zorblax is here")).isEqualTo("block");
    Files.delete(lexicon);
    Files.delete(CopiedPolicy.lexicons().resolve("test-made-up.yaml"));
    given().post("/v1/policies/reload").then().statusCode(200);
  }
}
