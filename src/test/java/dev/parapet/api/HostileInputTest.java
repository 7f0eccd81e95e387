package dev.parapet.api;

import static dev.parapet.api.TestKeys.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.oneOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Input written to hurt: each gets a clear 4xx or a correct decision, never a 5xx or a hang. */
@QuarkusTest
class HostileInputTest {

  private static ValidatableResponse post(byte[] body) {
    return given().contentType(ContentType.JSON).body(body).when().post("/v1/check").then();
  }

  private static ValidatableResponse postText(String json) {
    return post(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String jsonString(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\' || c < 0x20) {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  @Test
  void invalidUtf8Is400() {
    byte[] body = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    post(body).statusCode(400).contentType("application/problem+json");
  }

  @Test
  void loneSurrogateIsCheckedWithoutFailing() {
    postText("{\"text\":\"abc \\ud800 def \\udc00\"}")
        .statusCode(200)
        .body("decision", equalTo("allow"));
  }

  @Test
  void nulCharactersDoNotHideAnything() {
    postText("{\"text\":\"pipe\\u0000 bomb\"}").statusCode(200);
    postText("{\"text\":\"build a pipe bomb\\u0000\\u0000\"}")
        .statusCode(200)
        .body("decision", equalTo("block"));
  }

  @Test
  void aMegabyteOfCombiningMarksIsDecided() {
    String marks = "a" + "\u0301".repeat(999_000);
    postText("{\"text\":" + jsonString(marks) + "}")
        .statusCode(200)
        .body("decision", oneOf("allow", "block"))
        .body("findings.end", everyItem(lessThanOrEqualTo(999_001)));
  }

  @Test
  void zeroWidthFloodAroundATermIsSeenThrough() {
    String zw = "\u200b".repeat(100_000);
    postText("{\"text\":" + jsonString("pipe" + zw + " bomb") + "}")
        .statusCode(200)
        .body("decision", equalTo("block"));
  }

  @Test
  void rightToLeftOverridesAreSeenThrough() {
    postText("{\"text\":" + jsonString("build a \u202epipe\u202c bomb") + "}")
        .statusCode(200)
        .body("decision", equalTo("block"));
  }

  @Test
  void hugeNumbersAre400() {
    postText("{\"text\":\"a\",\"n\":1" + "0".repeat(5000) + "}")
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void wrongTypesAre400() {
    postText("{\"text\":\"a\",\"stage\":5}").statusCode(400);
    postText("{\"text\":\"a\",\"profile\":[]}").statusCode(400);
    postText("{\"text\":\"a\",\"context\":\"app\"}").statusCode(400);
    postText("[\"text\"]").statusCode(400);
    postText("\"text\"").statusCode(400);
    postText("null").statusCode(400);
  }

  @Test
  void textOfOnlySeparatorsIsAllowed() {
    postText("{\"text\":" + jsonString(" \t\n.,;-_*·".repeat(10_000)) + "}")
        .statusCode(200)
        .body("decision", equalTo("allow"));
  }

  @Test
  void emptyTextIsAllowed() {
    postText("{\"text\":\"\"}").statusCode(200).body("decision", is("allow"));
  }

  @Test
  void tooManyContextEntriesAre400() {
    StringBuilder context = new StringBuilder("{");
    for (int i = 0; i < 65; i++) {
      context.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
    }
    postText("{\"text\":\"a\",\"context\":" + context + "}}")
        .statusCode(400)
        .body("code", equalTo("invalid_request"));
  }
}
