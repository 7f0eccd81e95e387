package dev.parapet.api;

import static dev.parapet.api.TestKeys.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 19's request defects: each one refused with a 4xx that names what to fix. */
@QuarkusTest
class RequestHardeningTest {

  @TestHTTPResource("/v1/check")
  URI checkUri;

  private static ValidatableResponse post(String json) {
    return post(json.getBytes(StandardCharsets.UTF_8));
  }

  private static ValidatableResponse post(byte[] body) {
    return given().contentType(ContentType.JSON).body(body).when().post("/v1/check").then();
  }

  private static byte[] bytes(String before, int[] raw, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    for (int b : raw) {
      out.write(b);
    }
    out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  @Test
  void aRequestIdOverTheStoresColumnIs400NamingTheFieldAndTheLimit() {
    post("{\"text\":\"hi\",\"requestId\":\"" + "a".repeat(257) + "\"}")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("'requestId'"))
        .body("detail", containsString("256"));
  }

  @Test
  void aTenantOverTheStoresColumnIs400NamingTheFieldAndTheLimit() {
    post("{\"text\":\"hi\",\"tenant\":\"" + "t".repeat(257) + "\"}")
        .statusCode(400)
        .body("detail", containsString("'tenant'"))
        .body("detail", containsString("256"));
  }

  @Test
  void aRequestIdAtTheLimitIsRecordedAndReadBackExactly() {
    String requestId = UUID.randomUUID() + "x".repeat(256 - 36);
    String auditId =
        post("{\"text\":\"hi\",\"requestId\":\"" + requestId + "\"}")
            .statusCode(200)
            .body("requestId", equalTo(requestId))
            .extract()
            .path("auditId");
    given()
        .get("/v1/audit/decisions/" + auditId)
        .then()
        .statusCode(200)
        .body("requestId", equalTo(requestId));
  }

  @Test
  void loneSurrogatesInTenantOrRequestIdAre400() {
    post("{\"text\":\"hi\",\"requestId\":\"r-\\ud800\"}")
        .statusCode(400)
        .body("detail", containsString("unpaired surrogate"));
    post("{\"text\":\"hi\",\"tenant\":\"\\udc00acme\"}").statusCode(400);
  }

  @Test
  void aPairedSurrogateInARequestIdIsKeptExactly() {
    String requestId = "r-\uD83D\uDE00-" + UUID.randomUUID();
    post("{\"text\":\"hi\",\"requestId\":\"" + requestId + "\"}")
        .statusCode(200)
        .body("requestId", equalTo(requestId));
  }

  @Test
  void controlCharactersInTenantOrRequestIdAre400() {
    post("{\"text\":\"hi\",\"tenant\":\"ac\\u0000me\"}")
        .statusCode(400)
        .body("detail", containsString("'tenant'"));
    post("{\"text\":\"hi\",\"requestId\":\"r\\n1\"}").statusCode(400);
  }

  @Test
  void anOverlongUtf8FormIs400() {
    // C0 BC is an overlong '<'
    post(bytes("{\"text\":\"a", new int[] {0xC0, 0xBC}, "b\"}"))
        .statusCode(400)
        .body("code", equalTo("malformed_json"))
        .body("detail", containsString("UTF-8"));
  }

  @Test
  void aCodePointAboveU10FFFFIs400() {
    post(bytes("{\"text\":\"a", new int[] {0xF4, 0x90, 0x80, 0x80}, "\"}")).statusCode(400);
    post(bytes("{\"text\":\"a", new int[] {0xF5, 0x80, 0x80, 0x80}, "\"}")).statusCode(400);
  }

  @Test
  void anEncodedSurrogateIs400() {
    post(bytes("{\"text\":\"a", new int[] {0xED, 0xA0, 0x80}, "\"}")).statusCode(400);
  }

  @Test
  void utf16AndUtf32BodiesAre400() {
    String json = "{\"text\":\"hi\"}";
    post(json.getBytes(StandardCharsets.UTF_16)).statusCode(400); // with a byte order mark
    post(json.getBytes(StandardCharsets.UTF_16LE))
        .statusCode(400)
        .body("detail", containsString("UTF-8"));
    post(json.getBytes(java.nio.charset.Charset.forName("UTF-32BE"))).statusCode(400);
  }

  @Test
  void aUtf8ByteOrderMarkIsIgnored() {
    post(bytes("", new int[] {0xEF, 0xBB, 0xBF}, "{\"text\":\"hi\"}")).statusCode(200);
  }

  @Test
  void aBodyWithoutContentTypeIs415() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(checkUri)
            .header("X-API-Key", TestKeys.ADMIN)
            .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hi\"}"))
            .build();
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(request.headers().firstValue("Content-Type")).isEmpty();
    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.headers().firstValue("Content-Type")).contains(Problem.MEDIA_TYPE);
  }

  @Test
  void aLimitThatIsNotANumberIs400NamingIt() {
    given()
        .get("/v1/audit/decisions?limit=abc")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("'limit'"));
  }

  @Test
  void anExplainThatIsNotABooleanIs400NamingIt() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"text\":\"hi\"}")
        .post("/v1/check?explain=maybe")
        .then()
        .statusCode(400)
        .body("detail", containsString("'explain'"));
  }

  @Test
  void aRecordKeepsAtMostTheCappedFindingsAndSaysHowManyItDropped() {
    String text = "shit ".repeat(600);
    String auditId = post("{\"text\":\"" + text + "\"}").statusCode(200).extract().path("auditId");
    given()
        .get("/v1/audit/decisions/" + auditId)
        .then()
        .statusCode(200)
        .body("findings", hasSize(lessThanOrEqualTo(256)))
        .body("findingsDropped", equalTo(600 - 256));
  }
}
