package dev.parapet.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: 205 connections that sent the headers and the start of a check with a valid key, then
 * stalled, held every worker thread and froze the service. Bodies are now read on the event loop
 * with an idle timeout, and a key's requests in flight are bounded.
 */
@QuarkusTest
@TestProfile(HardenedProfile.class)
class StalledUploadTest {

  private static final int STALLED = 300;

  @TestHTTPResource("/")
  URL base;

  private Socket stall(String key) throws IOException {
    Socket socket = new Socket(base.getHost(), base.getPort());
    socket.setSoTimeout(20_000);
    String head =
        "POST /v1/check HTTP/1.1\r\n"
            + "Host: localhost\r\n"
            + "X-API-Key: "
            + key
            + "\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: 1000\r\n\r\n"
            + "{\"text\":\"";
    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return socket;
  }

  /** The whole answer, up to the connection's end. */
  private static String readToEnd(Socket socket) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[4096];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      out.write(buffer, 0, n);
    }
    return out.toString(StandardCharsets.US_ASCII);
  }

  private static long millisToCheck(String key) {
    long start = System.nanoTime();
    RestAssured.given()
        .header("X-API-Key", key)
        .contentType(ContentType.JSON)
        .body("{\"text\":\"hello\"}")
        .post("/v1/check")
        .then()
        .statusCode(200);
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long millisToReady() {
    long start = System.nanoTime();
    RestAssured.given().get("/q/health/ready").then().statusCode(200);
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long bestOfThree(java.util.function.LongSupplier millis) {
    return java.util.stream.LongStream.generate(millis).limit(3).min().orElseThrow();
  }

  @Test
  void stalledUploadsWithAValidKeyNeitherFreezeTheServiceNorStayOpen() throws Exception {
    millisToCheck(TestKeys.ADMIN); // warm
    List<Socket> sockets = new ArrayList<>();
    long opened = System.nanoTime();
    try {
      for (int i = 0; i < STALLED; i++) {
        sockets.add(stall(TestKeys.CHECKER));
      }
      // other callers are served at once, and so are the probes (the best of three, so that a
      // pause of a loaded build machine is not taken for the service's)
      assertThat(bestOfThree(() -> millisToCheck(TestKeys.ADMIN))).isLessThan(1000);
      assertThat(bestOfThree(StalledUploadTest::millisToReady)).isLessThan(1000);

      int timedOut = 0;
      int refused = 0;
      for (Socket socket : sockets) {
        String answer = readToEnd(socket); // returns only once the server closed the connection
        if (answer.startsWith("HTTP/1.1 408")) {
          timedOut++;
        } else if (answer.startsWith("HTTP/1.1 429")) {
          refused++;
        }
      }
      long closedAfter = (System.nanoTime() - opened) / 1_000_000;
      // the key's bound held the rest back; every stalled one was closed after the timeout
      assertThat(timedOut).isGreaterThanOrEqualTo(HardenedProfile.MAX_IN_FLIGHT);
      assertThat(timedOut + refused).isEqualTo(STALLED);
      assertThat(closedAfter).isGreaterThanOrEqualTo(HardenedProfile.BODY_IDLE_MS);
      assertThat(closedAfter).isLessThan(HardenedProfile.BODY_IDLE_MS + 10_000);
    } finally {
      for (Socket socket : sockets) {
        socket.close();
      }
    }
    // the key's slots are free again
    assertThat(millisToCheck(TestKeys.CHECKER)).isLessThan(1000);
  }

  @Test
  void everyAnsweredRequestGivesItsSlotBack() {
    for (int i = 0; i < HardenedProfile.MAX_IN_FLIGHT * 3; i++) {
      RestAssured.given()
          .header("X-API-Key", TestKeys.CHECKER)
          .contentType(ContentType.JSON)
          .body(i % 2 == 0 ? "{\"text\":\"hello\"}" : "{\"text\":")
          .post("/v1/check")
          .then()
          .statusCode(i % 2 == 0 ? 200 : 400);
    }
  }

  @Test
  void theSlotsOfConnectionsTheClientDropsAreFreed() throws Exception {
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < HardenedProfile.MAX_IN_FLIGHT; i++) {
      sockets.add(stall(TestKeys.CHECKER));
    }
    Thread.sleep(500); // every one of them holds a slot now
    for (Socket socket : sockets) {
      socket.close();
    }
    long deadline = System.nanoTime() + 3_000_000_000L;
    int status;
    do {
      Thread.sleep(100);
      status =
          RestAssured.given()
              .header("X-API-Key", TestKeys.CHECKER)
              .contentType(ContentType.JSON)
              .body("{\"text\":\"hello\"}")
              .post("/v1/check")
              .statusCode();
    } while (status == 429 && System.nanoTime() < deadline);
    // well before the idle timeout would have freed them
    assertThat(status).isEqualTo(200);
  }

  @Test
  void aBodyThatArrivesInPiecesWithShortPausesIsRead() throws Exception {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(20_000);
      String body = "{\"text\":\"hello there\"}";
      String head =
          "POST /v1/check HTTP/1.1\r\nHost: localhost\r\nX-API-Key: "
              + TestKeys.ADMIN
              + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
              + body.length()
              + "\r\n\r\n";
      var out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      for (char c : body.toCharArray()) {
        out.write(c);
        out.flush();
        Thread.sleep(50);
      }
      assertThat(readToEnd(socket)).startsWith("HTTP/1.1 200").contains("\"decision\"");
    }
  }
}
