package dev.parapet.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.api.auth.AuthFilter;
import dev.parapet.api.auth.TenantScope;
import dev.parapet.app.ParapetConfig;
import dev.parapet.check.CheckRequest;
import dev.parapet.check.CheckResult;
import dev.parapet.check.CheckService;
import dev.parapet.check.RuleHit;
import dev.parapet.model.Stage;
import dev.parapet.model.Verdict;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * LiteLLM's Generic Guardrail API: LiteLLM's proxy posts the texts of a request or a response, and
 * is told to block it ({@code BLOCKED}), pass it ({@code NONE}) or pass the changed texts ({@code
 * GUARDRAIL_INTERVENED}). Each text is one check and one audit record, its request id LiteLLM's
 * call id.
 */
@Path("/beta/litellm_basic_guardrail_api")
public class GuardrailResource {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CheckService checks;
  private final CurrentVertxRequest vertxRequest;
  private final int maxTextLength;

  public GuardrailResource(
      CheckService checks, ParapetConfig config, CurrentVertxRequest vertxRequest) {
    this.checks = checks;
    this.vertxRequest = vertxRequest;
    this.maxTextLength = config.limits().maxTextLength();
  }

  /** LiteLLM's answer. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record GuardrailAnswer(
      String action, @JsonProperty("blocked_reason") String blockedReason, List<String> texts) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "LiteLLM Generic Guardrail API",
      description =
          "texts with input_type request (checked as prompts) or response (as answers);"
              + " additional_provider_specific_params may name profile and tenant.")
  public GuardrailAnswer apply(byte[] body) {
    JsonNode root = read(body);
    Stage stage = stage(root.path("input_type"));
    JsonNode params = root.path("additional_provider_specific_params");
    String callId = text(root, "litellm_call_id");
    Map<String, String> context = new LinkedHashMap<>();
    context.put("app", "litellm");
    String traceId = text(root, "litellm_trace_id");
    if (traceId != null) {
      context.put("litellmTraceId", traceId);
    }
    List<String> texts = texts(root.path("texts"));
    List<String> changed = new ArrayList<>();
    Set<String> reasons = new LinkedHashSet<>();
    boolean intervened = false;
    for (String text : texts) {
      CheckRequest request =
          TenantScope.apply(
              vertxRequest.getCurrent().get(AuthFilter.CALLER),
              new CheckRequest(
                  text,
                  stage,
                  text(params, "profile"),
                  text(params, "tenant"),
                  callId,
                  context,
                  false));
      CheckResult result = checks.check(request);
      Verdict verdict = result.decision().verdict();
      if (verdict == Verdict.BLOCK) {
        for (RuleHit hit : result.decision().rules()) {
          if (hit.action() == RuleHit.Effect.BLOCK) {
            reasons.add(hit.reason() + " (" + hit.id() + ")");
          }
        }
      }
      intervened |= verdict == Verdict.REDACT;
      changed.add(verdict == Verdict.REDACT ? result.decision().redactedText() : text);
    }
    if (!reasons.isEmpty()) {
      return new GuardrailAnswer("BLOCKED", String.join("; ", reasons), null);
    }
    return intervened
        ? new GuardrailAnswer("GUARDRAIL_INTERVENED", null, changed)
        : new GuardrailAnswer("NONE", null, null);
  }

  private static JsonNode read(byte[] body) {
    try {
      JsonNode root = body == null || body.length == 0 ? null : JSON.readTree(Utf8.decode(body));
      if (root == null || !root.isObject()) {
        throw invalid("the body must be a JSON object with 'texts' and 'input_type'");
      }
      return root;
    } catch (IOException e) {
      throw new ProblemException(ErrorCode.MALFORMED_JSON, "the body is not valid JSON");
    }
  }

  private static Stage stage(JsonNode node) {
    if (node.isMissingNode() || node.isNull() || "request".equals(node.asText())) {
      return Stage.INPUT;
    }
    if ("response".equals(node.asText())) {
      return Stage.OUTPUT;
    }
    throw new ProblemException(
        ErrorCode.UNKNOWN_STAGE, "'input_type' must be \"request\" or \"response\"");
  }

  private List<String> texts(JsonNode node) {
    List<String> texts = new ArrayList<>();
    if (node.isMissingNode() || node.isNull()) {
      return texts;
    }
    if (!node.isArray()) {
      throw invalid("'texts' must be an array of strings");
    }
    for (JsonNode text : node) {
      if (!text.isTextual()) {
        throw invalid("'texts' must be an array of strings");
      }
      String value = text.textValue();
      if (value.codePointCount(0, value.length()) > maxTextLength) {
        throw new ProblemException(
            ErrorCode.TOO_LARGE, "a text of 'texts' is over " + maxTextLength + " code points");
      }
      texts.add(value);
    }
    return texts;
  }

  private static String text(JsonNode root, String name) {
    JsonNode node = root.path(name);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isTextual() || node.textValue().length() > 256) {
      throw invalid("'" + name + "' must be a string of at most 256 chars");
    }
    return node.textValue();
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ErrorCode.INVALID_REQUEST, detail);
  }
}
