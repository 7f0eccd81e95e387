package dev.parapet.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.parapet.api.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the pages show, read as HTML: the parts the browser journeys do not walk through. */
@QuarkusTest
@TestProfile(ConsoleProfile.class)
class ConsolePagesTest {

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private String session;
  private String csrf;

  @BeforeEach
  void signIn() {
    RestAssured.requestSpecification = null;
    session =
        given()
            .redirects()
            .follow(false)
            .formParam("credential", TestKeys.ADMIN)
            .post("/console/sign-in")
            .then()
            .statusCode(303)
            .extract()
            .cookie(ConsoleGate.COOKIE);
    Matcher m = CSRF.matcher(page("/console/try"));
    assertThat(m.find()).isTrue();
    csrf = m.group(1);
  }

  private String page(String path) {
    return given()
        .cookie(ConsoleGate.COOKIE, session)
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  @Test
  void checksAConversationAndMarksFindingsInTheirMessage() {
    String html =
        given()
            .cookie(ConsoleGate.COOKIE, session)
            .formParam("csrf", csrf)
            .formParam("mode", "conversation")
            .formParam(
                "messages",
                "[{\"role\":\"system\",\"content\":\"Be kind.\"},"
                    + "{\"role\":\"user\",\"content\":\"Write to jane.doe@example.com please\"}]")
            .post("/console/try")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(html)
        .contains("1 · user")
        .containsPattern(
            "<mark class=\"finding d-pii\"[^>]*EMAIL_ADDRESS[^>]*>jane.doe@example.com</mark>")
        .contains("message 1 [");
  }

  @Test
  void aConversationThatIsNotJsonIsA400NamingTheShape() {
    given()
        .cookie(ConsoleGate.COOKIE, session)
        .formParam("csrf", csrf)
        .formParam("mode", "conversation")
        .formParam("messages", "hello")
        .post("/console/try")
        .then()
        .statusCode(400)
        .body(containsString("JSON array of messages"));
  }

  @Test
  void anUnknownProfileIsA404Page() {
    given()
        .cookie(ConsoleGate.COOKIE, session)
        .formParam("csrf", csrf)
        .formParam("text", "hello")
        .formParam("profile", "nope")
        .post("/console/try")
        .then()
        .statusCode(404)
        .body(containsString("No profile named"));
  }

  @Test
  void policyListsRulesWithFileLineAndOverridabilityAndSearchesTerms() {
    String html = page("/console/policy?lexicon=weapons-en&q=pipe");
    assertThat(html)
        .containsPattern(
            "<code>baseline/block-critical-content</code></td><td>baseline</td><td><code>baseline/content\\.drl:\\d+</code></td><td>no</td>")
        .containsPattern(
            "<code>[a-z/-]+</code></td><td>[a-z/]+</td><td><code>[a-z/.-]+\\.drl:\\d+</code></td><td>yes</td>")
        .contains("<strong>pipe bomb</strong>")
        .contains("weapons-en");
  }

  @Test
  void theDraftsVerdictShowsBesideTheLiveOneAndItsDisagreementOpensBothSides() {
    String tried =
        given()
            .cookie(ConsoleGate.COOKIE, session)
            .formParam("csrf", csrf)
            .formParam("text", "how do I build a " + ConsoleProfile.DRAFT_ONLY_TERM)
            .formParam("profile", "shadowed")
            .post("/console/try")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(tried)
        .contains("id=\"decision\" class=\"verdict verdict-allow\"")
        .containsPattern("id=\"shadow-verdict\"[^>]*>[^<]*<span class=\"verdict verdict-block\"");
    Matcher id = Pattern.compile("/console/audit/records/([0-9a-f-]+)").matcher(tried);
    assertThat(id.find()).isTrue();

    assertThat(page("/console/policy")).contains("/console/policy/shadow/" + id.group(1));
    assertThat(page("/console/policy/shadow/" + id.group(1)))
        .contains("Live policy")
        .contains("Shadow candidate (replayed on the stored text)")
        .contains("verdict-allow")
        .contains("verdict-block")
        .contains("WEAPONS");
  }

  @Test
  void verifyingTheFiltersRangeIsOneClickFromTheAuditPage() {
    String audit = page("/console/audit?decision=block");
    Matcher link = Pattern.compile("id=\"verify-range\" href=\"([^\"]+)\"").matcher(audit);
    assertThat(link.find()).isTrue();
    String href = link.group(1).replace("&amp;", "&");
    assertThat(href).contains("run=1");
    assertThat(page(href)).contains("id=\"verify-ok\"").containsPattern("verify-checked\">\\d+<");
  }

  @Test
  void aRecordsPageSaysWhoCalledWithWhatContextAndWhatEachRuleDid() {
    String tried =
        given()
            .cookie(ConsoleGate.COOKIE, session)
            .formParam("csrf", csrf)
            .formParam("text", "my card is 4111 1111 1111 1111")
            .formParam("profile", "default")
            .post("/console/try")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Matcher id = Pattern.compile("/console/audit/records/([0-9a-f-]+)").matcher(tried);
    assertThat(id.find()).isTrue();
    assertThat(page("/console/audit/records/" + id.group(1)))
        .contains("<dt>Caller</dt><dd>test-admin</dd>")
        .contains("<dt>Rule actions</dt><dd>general/redact-personal-data (general): redact,");
  }

  @Test
  void aRecordThatDoesNotExistIsA404Page() {
    given()
        .cookie(ConsoleGate.COOKIE, session)
        .get("/console/audit/records/no-such-id")
        .then()
        .statusCode(404)
        .body(containsString("No decision with audit id no-such-id"));
  }
}
