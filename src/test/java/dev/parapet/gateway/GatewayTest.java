package dev.parapet.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.OpenAIException;
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
}
