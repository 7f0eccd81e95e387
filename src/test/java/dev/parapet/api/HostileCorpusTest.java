package dev.parapet.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.app.AuditRuntime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every shape of src/test/resources/hostile/shapes.json in every text field of a check: nothing
 * answers 5xx (nor 429: one caller's sequential requests never run out of slots), nothing takes 5
 * s, and every record accepted reaches the audit store (its backlog drains to zero and nothing is
 * quarantined).
 */
@QuarkusTest
class HostileCorpusTest {

  private static final String[] FIELDS = {
    "text", "tenant", "requestId", "profile", "stage", "context-key", "context-value"
  };

  @Inject AuditRuntime audit;

  private record Shape(String name, String value) {}

  private static List<Shape> shapes() throws IOException {
    try (InputStream in = HostileCorpusTest.class.getResourceAsStream("/hostile/shapes.json")) {
      List<Shape> shapes = new ArrayList<>();
      for (JsonNode node : new ObjectMapper().readTree(in)) {
        int repeat = node.path("repeat").asInt(1);
        shapes.add(new Shape(node.get("name").asText(), node.get("value").asText().repeat(repeat)));
      }
      return shapes;
    }
  }

  /** A JSON string with everything outside printable ASCII escaped, lone surrogates included. */
  private static String json(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20 || c > 0x7e) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static String body(String field, String value) {
    Map<String, String> members = new LinkedHashMap<>();
    members.put("text", json(field.equals("text") ? value : "hello"));
    if (!field.startsWith("context") && !field.equals("text")) {
      members.put(field, json(value));
    }
    if (field.equals("context-key")) {
      members.put("context", "{" + json(value) + ":" + json("v") + "}");
    } else if (field.equals("context-value")) {
      members.put("context", "{" + json("app") + ":" + json(value) + "}");
    }
    StringBuilder out = new StringBuilder("{");
    members.forEach(
        (k, v) -> out.append(out.length() > 1 ? "," : "").append(json(k)).append(':').append(v));
    return out.append('}').toString();
  }

  @Test
  void noShapeInAnyFieldGetsA5xxOrTakesFiveSecondsAndEveryRecordIsStored() throws Exception {
    // the first check of a fresh start builds what later ones reuse; it is not what is measured
    TestKeys.given().contentType(ContentType.JSON).body("{\"text\":\"warm\"}").post("/v1/check");
    List<String> failures = new ArrayList<>();
    int sent = 0;
    for (Shape shape : shapes()) {
      for (String field : FIELDS) {
        long start = System.nanoTime();
        Response response =
            TestKeys.given()
                .contentType(ContentType.JSON)
                .body(body(field, shape.value()).getBytes(StandardCharsets.UTF_8))
                .post("/v1/check");
        long millis = (System.nanoTime() - start) / 1_000_000;
        sent++;
        int status = response.statusCode();
        if (status >= 500 || status == 429 || millis >= 5000) {
          failures.add(shape.name() + " in " + field + ": " + status + " after " + millis + " ms");
        } else if (status >= 400 && !response.contentType().startsWith(Problem.MEDIA_TYPE)) {
          failures.add(shape.name() + " in " + field + ": " + status + " without a problem body");
        }
      }
    }
    assertThat(failures).as("of %d requests", sent).isEmpty();
    assertThat(audit.log().flush(Duration.ofSeconds(30))).isTrue();
    assertThat(audit.log().backlog()).isZero();
    assertThat(audit.log().quarantined()).isZero();
  }
}
