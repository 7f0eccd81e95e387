package dev.parapet.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.parapet.api.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * An existing OpenAI client pointed at Parapet by its base URL alone: its own key, registered at
 * Parapet, authenticates there and travels on to the model API.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeUpstreamWithoutKey.class, restrictToAnnotatedClass = true)
class GatewayBaseUrlOnlyTest {

  @TestHTTPResource("/v1")
  URL base;

  @Test
  void theClientsOwnKeyAuthenticatesAndTravelsUpstream() {
    FakeUpstream.answer("The capital of France is Paris.");
    // the client's key is the one it used with the model API; only the base URL changed
    ChatCompletion completion =
        OpenAIOkHttpClient.builder()
            .baseUrl(base.toString())
            .apiKey(TestKeys.CHECKER)
            .maxRetries(0)
            .build()
            .chat()
            .completions()
            .create(
                ChatCompletionCreateParams.builder()
                    .model("fake")
                    .addUserMessage("Capital of France?")
                    .build());
    assertThat(completion.choices().get(0).message().content())
        .contains("The capital of France is Paris.");
    assertThat(FakeUpstream.lastAuthorization).isEqualTo("Bearer " + TestKeys.CHECKER);
  }
}
