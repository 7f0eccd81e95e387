package dev.parapet.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.OpenAIException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.parapet.api.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gateway driven by OpenAI's own Java client, against a model API faked on loopback. */
@QuarkusTest
@QuarkusTestResource(value = FakeUpstream.class, restrictToAnnotatedClass = true)
class GatewayTest {

  private static final String[] SPLIT_ANSWER = {
    "Well, this is sh",
    "it, really 😀 — mail me at ja",
    "ne@exa",
    "mple.com — 日本",
    "語 and ",
    "the rest of the answer goes on for a while so that some of it is released early."
  };

  @TestHTTPResource("/v1")
  URL base;

  private OpenAIClient client() {
    return OpenAIOkHttpClient.builder()
        .baseUrl(base.toString())
        .apiKey(TestKeys.CHECKER)
        .maxRetries(0)
        .build();
  }

  private static ChatCompletionCreateParams ask(String prompt) {
    return ChatCompletionCreateParams.builder().model("fake").addUserMessage(prompt).build();
  }

  @AfterEach
  void reset() {
    FakeUpstream.answer("Hello there.");
  }

  /** What one check of the whole answer shows: the text a stream must release, exactly. */
  private static String checkedWhole(String answer) {
    String redacted =
        given()
            .header("X-API-Key", TestKeys.CHECKER)
            .contentType(ContentType.JSON)
            .body(java.util.Map.of("text", answer, "stage", "output"))
            .post("/v1/check")
            .then()
            .statusCode(200)
            .extract()
            .path("text");
    return redacted == null ? answer : redacted;
  }

  @Test
  void passesACleanAnswerThroughWithTheUpstreamKeyOnly() {
    FakeUpstream.answer("The capital of France is Paris.");
    ChatCompletion completion = client().chat().completions().create(ask("Capital of France?"));
    assertThat(completion.choices().get(0).message().content())
        .contains("The capital of France is Paris.");
    assertThat(FakeUpstream.lastAuthorization).isEqualTo("Bearer sk-upstream-test");
    assertThat(FakeUpstream.lastBody).contains("Capital of France?");
  }

  @Test
  void redactsAWholeAnswer() {
    FakeUpstream.answer(SPLIT_ANSWER);
    String whole = String.join("", SPLIT_ANSWER);
    ChatCompletion completion = client().chat().completions().create(ask("Say something"));
    assertThat(completion.choices().get(0).message().content()).contains(checkedWhole(whole));
  }

  @Test
  void streamsOnlyReleasedTextWhoseConcatenationIsTheCheckedWhole() {
    FakeUpstream.answer(SPLIT_ANSWER);
    StringBuilder shown = new StringBuilder();
    List<String> finishes = new ArrayList<>();
    try (StreamResponse<ChatCompletionChunk> stream =
        client().chat().completions().createStreaming(ask("Say something"))) {
      stream.stream()
          .forEach(
              chunk -> {
                chunk.choices().get(0).delta().content().ifPresent(shown::append);
                chunk.choices().get(0).finishReason().ifPresent(f -> finishes.add(f.toString()));
              });
    }
    String whole = String.join("", SPLIT_ANSWER);
    assertThat(shown.toString()).isEqualTo(checkedWhole(whole));
    assertThat(shown.toString()).contains("<PROFANITY>").contains("<EMAIL_ADDRESS>");
    assertThat(shown.toString()).doesNotContain("jane").doesNotContain("shit");
    assertThat(finishes).containsExactly("stop");
  }

  @Test
  void aBlockedStreamEndsWithContentFilter() {
    FakeUpstream.answer(
        "Sure. Here is how to build a pipe b",
        "omb: first you take a length of steel pipe and two end caps, then you go to a hardware"
            + " store and buy the rest of what you need, and then you carry on reading.",
        " More text that must never be shown.");
    StringBuilder shown = new StringBuilder();
    List<String> finishes = new ArrayList<>();
    try (StreamResponse<ChatCompletionChunk> stream =
        client().chat().completions().createStreaming(ask("Tell me a story"))) {
      stream.stream()
          .forEach(
              chunk -> {
                chunk.choices().get(0).delta().content().ifPresent(shown::append);
                chunk.choices().get(0).finishReason().ifPresent(f -> finishes.add(f.toString()));
              });
    }
    assertThat(finishes).containsExactly("content_filter");
    assertThat(shown.toString()).doesNotContain("pipe b").doesNotContain("never be shown");
  }

  @Test
  void aBlockedRequestIsOpenAisErrorAndNeverReachesTheUpstream() {
    FakeUpstream.lastBody = "";
    assertThatThrownBy(
            () -> client().chat().completions().create(ask("Tell me how to build a pipe bomb")))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("blocked");
    assertThat(FakeUpstream.lastBody).isEmpty();
  }

  @Test
  void aRedactedRequestIsForwardedRedacted() {
    client().chat().completions().create(ask("Mail me at jane.doe@example.com please"));
    assertThat(FakeUpstream.lastBody).doesNotContain("jane.doe@example.com");
    assertThat(FakeUpstream.lastBody).contains("<EMAIL_ADDRESS>");
  }

  @Test
  void anUpstreamErrorIsACleanError() {
    FakeUpstream.mode = FakeUpstream.Mode.ERROR_500;
    assertThatThrownBy(() -> client().chat().completions().create(ask("Hello")))
        .isInstanceOf(OpenAIException.class)
        .hasMessageContaining("upstream");
  }

  @Test
  void anUpstreamThatTimesOutIsAGatewayTimeout() {
    FakeUpstream.mode = FakeUpstream.Mode.HANG;
    given()
        .header("X-API-Key", TestKeys.CHECKER)
        .contentType(ContentType.JSON)
        .body("{\"model\":\"fake\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}")
        .post("/v1/chat/completions")
        .then()
        .statusCode(504)
        .body("error.code", org.hamcrest.Matchers.equalTo("upstream_timeout"));
  }

  @Test
  void anUpstreamThatClosesMidStreamIsAnErrorForTheClient() {
    FakeUpstream.answer(SPLIT_ANSWER);
    FakeUpstream.mode = FakeUpstream.Mode.CLOSE_MID_STREAM;
    assertThatThrownBy(
            () -> {
              try (StreamResponse<ChatCompletionChunk> stream =
                  client().chat().completions().createStreaming(ask("Say something"))) {
                stream.stream().forEach(chunk -> {});
              }
            })
        .isInstanceOf(OpenAIException.class);
  }

  @Test
  void aClientThatGoesAwayClosesTheUpstreamCall() throws Exception {
    String[] many = new String[200];
    java.util.Arrays.fill(many, "more words of a long answer ");
    FakeUpstream.answer(many);
    FakeUpstream.mode = FakeUpstream.Mode.SLOW_STREAM;
    FakeUpstream.clientWentAway = new CountDownLatch(1);
    try (StreamResponse<ChatCompletionChunk> stream =
        client().chat().completions().createStreaming(ask("Say something"))) {
      stream.stream().limit(3).forEach(chunk -> {});
    }
    assertThat(FakeUpstream.clientWentAway.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void refusesACallerWithoutAKey() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"model\":\"fake\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}")
        .post("/v1/chat/completions")
        .then()
        .statusCode(401);
  }

  /** What a real client makes of a stream: OpenAI's accumulator, fed every chunk. */
  private ChatCompletion accumulated(
      ChatCompletionCreateParams params, List<ChatCompletionChunk> seen) {
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    try (StreamResponse<ChatCompletionChunk> stream =
        client().chat().completions().createStreaming(params)) {
      stream.stream()
          .forEach(
              chunk -> {
                seen.add(chunk);
                accumulator.accumulate(chunk);
              });
    }
    return accumulator.chatCompletion();
  }

  private static long toolCallDeltas(List<ChatCompletionChunk> chunks) {
    return chunks.stream()
        .flatMap(c -> c.choices().stream())
        .filter(c -> c.delta().toolCalls().isPresent())
        .count();
  }

  private static String arguments(ChatCompletion completion) {
    return completion
        .choices()
        .get(0)
        .message()
        .toolCalls()
        .orElseThrow()
        .get(0)
        .asFunction()
        .function()
        .arguments();
  }

  @Test
  void aStreamedToolCallIsAssembledCheckedAndPassedOnOnceRedacted() throws Exception {
    FakeUpstream.callTool(
        "send_mail", "{\"to\": \"ja", "ne.doe@exa", "mple.com\", \"body\": \"see you", " at 5\"}");
    String requestId = "tool-" + System.nanoTime();
    List<ChatCompletionChunk> seen = new ArrayList<>();
    ChatCompletion completion =
        accumulated(
            ChatCompletionCreateParams.builder()
                .model("fake")
                .addUserMessage("Mail Jane")
                .putAdditionalHeader("X-Request-Id", requestId)
                .build(),
            seen);
    String arguments = arguments(completion);
    assertThat(arguments).doesNotContain("jane").contains("<EMAIL_ADDRESS>");
    assertThat(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(arguments)
                .path("body")
                .asText())
        .isEqualTo("see you at 5");
    assertThat(toolCallDeltas(seen)).as("held, then passed on whole in one delta").isEqualTo(1);
    assertThat(completion.choices().get(0).finishReason().toString()).isEqualTo("tool_calls");
    assertThat(
            completion
                .choices()
                .get(0)
                .message()
                .toolCalls()
                .orElseThrow()
                .get(0)
                .asFunction()
                .function()
                .name())
        .isEqualTo("send_mail");
    // the answer's one record places the finding inside the call's arguments
    given()
        .header("X-API-Key", TestKeys.AUDITOR)
        .queryParam("requestId", requestId)
        .queryParam("stage", "output")
        .get("/v1/audit/decisions")
        .then()
        .statusCode(200)
        .body("items.size()", org.hamcrest.Matchers.equalTo(1))
        .body("items[0].findings.path", org.hamcrest.Matchers.hasItem("/to"));
  }

  @Test
  void aToolCallWhoseArgumentsBlockNeverReachesTheClient() {
    FakeUpstream.callTool(
        "write_file",
        "{\"text\": \"Here is how to build a pipe b",
        "omb: first you take a length of steel pipe and two end caps\"}");
    List<ChatCompletionChunk> seen = new ArrayList<>();
    ChatCompletion completion = accumulated(ask("Write it down"), seen);
    assertThat(toolCallDeltas(seen)).isZero();
    assertThat(completion.choices().get(0).finishReason().toString()).isEqualTo("content_filter");
    assertThat(completion.choices().get(0).message().toolCalls().orElse(List.of())).isEmpty();
  }

  @Test
  void streamedToolArgumentsThatAreNotJsonAreRecordedAsMalformed() {
    String requestId = "malformed-" + System.nanoTime();
    FakeUpstream.callTool("lookup", "{\"city\": \"Par", "is\"");
    List<ChatCompletionChunk> seen = new ArrayList<>();
    accumulated(
        ChatCompletionCreateParams.builder()
            .model("fake")
            .addUserMessage("Weather?")
            .putAdditionalHeader("X-Request-Id", requestId)
            .build(),
        seen);
    given()
        .header("X-API-Key", TestKeys.AUDITOR)
        .queryParam("requestId", requestId)
        .queryParam("stage", "output")
        .get("/v1/audit/decisions")
        .then()
        .statusCode(200)
        .body("items.size()", org.hamcrest.Matchers.equalTo(1))
        .body("items[0].findings.type", org.hamcrest.Matchers.hasItem("MALFORMED_TOOL_ARGUMENTS"));
  }

  @Test
  void aWholeAnswersToolCallArgumentsAreRedacted() {
    FakeUpstream.callTool("send_mail", "{\"to\": \"jane.doe@example.com\"}");
    ChatCompletion completion = client().chat().completions().create(ask("Mail Jane"));
    assertThat(arguments(completion)).doesNotContain("jane").contains("<EMAIL_ADDRESS>");
  }

  @Test
  void eachChoiceOfAStreamIsGuardedOnItsOwn() {
    FakeUpstream.answer();
    FakeUpstream.choices =
        List.of(
            List.of("Well, this is sh", "it, really, mail ja", "ne@example.com soon."),
            List.of(
                "Sure. Here is how to build a pipe b",
                "omb: first you take a length of steel pipe and two end caps, then you go to a"
                    + " hardware store and buy the rest of what you need.",
                " More text that must never be shown."));
    List<ChatCompletionChunk> seen = new ArrayList<>();
    ChatCompletion completion =
        accumulated(
            ChatCompletionCreateParams.builder()
                .model("fake")
                .addUserMessage("Say something")
                .n(2)
                .build(),
            seen);
    assertThat(completion.choices()).hasSize(2);
    ChatCompletion.Choice first = completion.choices().get(0);
    ChatCompletion.Choice second = completion.choices().get(1);
    assertThat(first.message().content().orElse(""))
        .isEqualTo(checkedWhole(String.join("", FakeUpstream.choices.get(0))));
    assertThat(first.finishReason().toString()).isEqualTo("stop");
    assertThat(second.finishReason().toString()).isEqualTo("content_filter");
    assertThat(second.message().content().orElse(""))
        .doesNotContain("pipe b")
        .doesNotContain("never be shown");
  }

  @Test
  void aChoiceCountOutOfRangeIs400NamingN() {
    given()
        .header("X-API-Key", TestKeys.CHECKER)
        .contentType(ContentType.JSON)
        .body(
            "{\"model\":\"fake\",\"stream\":true,\"n\":0,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}")
        .post("/v1/chat/completions")
        .then()
        .statusCode(400)
        .body("error.param", org.hamcrest.Matchers.equalTo("n"));
  }
}
