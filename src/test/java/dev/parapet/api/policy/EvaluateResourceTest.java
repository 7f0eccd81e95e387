package dev.parapet.api.policy;

import static dev.parapet.api.TestKeys.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EvaluateResourceTest {

  @Test
  void reportsConfusionPrecisionRecallRuleHitsAndMisses() throws Exception {
    given()
        .contentType("application/x-ndjson")
        .body(Files.readAllBytes(Path.of("src/test/resources/evaluation/starter.jsonl")))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("cases", equalTo(8))
        .body("confusion.block.block", equalTo(4))
        .body("confusion.redact.redact", equalTo(1))
        .body("byDecision.redact.recall", equalTo(1.0f))
        .body("byType.WEAPONS.recall", equalTo(1.0f))
        .body("ruleHits.'baseline/block-critical-content'", equalTo(1))
        .body("falseNegatives.line", hasItem(8));
  }

  @Test
  void unreadableLinesAre400WithTheirLineNumbers() {
    given()
        .contentType("application/x-ndjson")
        .body(
            "{\"text\":\"a\",\"expected\":\"allow\"}\nnot json\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post("/v1/evaluate")
        .then()
        .statusCode(400)
        .body("errors[0].line", equalTo(2));
  }
}
