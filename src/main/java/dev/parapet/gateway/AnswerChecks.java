package dev.parapet.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.check.CheckRequest;
import dev.parapet.check.CheckService;
import dev.parapet.check.ConversationLimits;
import dev.parapet.check.ConversationReader;
import dev.parapet.check.Decision;
import dev.parapet.check.Scope;
import dev.parapet.model.Stage;
import dev.parapet.model.Verdict;
import dev.parapet.stream.Judge;

/**
 * How one gateway request's answers are checked, bound to its profile, tenant and request id: an
 * answer's text alone (as a stream session judges it), or an assistant message with tool calls,
 * read as {@code /v1/check} reads {@code messages}, so its arguments give {@code ToolCall} facts,
 * findings with JSON-pointer paths, and {@code MALFORMED_TOOL_ARGUMENTS} when they are not JSON.
 */
final class AnswerChecks {

  private final CheckService checks;
  private final CheckRequest envelope;
  private final ConversationLimits limits;

  AnswerChecks(CheckService checks, CheckRequest envelope, ConversationLimits limits) {
    this.checks = checks;
    this.envelope = envelope;
    this.limits = limits;
  }

  /** The answer's text checked alone; {@code record} writes its one audit record. */
  Judge text() {
    return (text, record, note) ->
        checks.judge(
            new CheckRequest(
                text,
                Stage.OUTPUT,
                envelope.profile(),
                envelope.tenant(),
                envelope.requestId(),
                envelope.context(),
                false,
                null,
                envelope.caller()),
            record,
            note);
  }

  /**
   * An assistant message checked whole: its content and its tool calls, each call's arguments as
   * the JSON the model wrote.
   *
   * @param content the message's text, or null
   * @param toolCalls complete calls, {@code [{id, type, function: {name, arguments}}]}
   * @param record whether this is the answer's one audit record
   * @throws dev.parapet.check.ConversationException when a call lacks its function's name
   */
  Checked message(String content, ArrayNode toolCalls, boolean record) {
    ArrayNode messages = OpenAiWire.JSON.createArrayNode();
    ObjectNode message = messages.addObject();
    message.put("role", "assistant");
    if (content == null) {
      message.putNull("content");
    } else {
      message.put("content", content);
    }
    message.set("tool_calls", toolCalls.deepCopy());
    CheckRequest request =
        CheckRequest.of(
                ConversationReader.read(messages, null, Scope.ALL, Stage.OUTPUT, limits),
                Stage.OUTPUT,
                envelope.profile(),
                envelope.tenant(),
                envelope.requestId(),
                envelope.context(),
                false)
            .withCaller(envelope.caller());
    Decision decision;
    String auditId = null;
    if (record) {
      var result = checks.check(request);
      decision = result.decision();
      auditId = result.auditId();
    } else {
      decision = checks.evaluate(request);
    }
    JsonNode shown = message;
    if (decision.verdict() == Verdict.REDACT
        && decision.conversation() != null
        && decision.conversation().redactedMessages() != null) {
      shown = decision.conversation().redactedMessages().path(0);
    }
    JsonNode calls = shown.path("tool_calls");
    return new Checked(
        decision,
        shown.path("content").isTextual() ? shown.get("content").textValue() : content,
        calls.isArray() ? (ArrayNode) calls : toolCalls,
        auditId);
  }

  /**
   * An assistant message as checked.
   *
   * @param content its text as it may be shown (redacted), or null
   * @param toolCalls its calls as they may be shown (arguments redacted)
   * @param auditId the record written, or null
   */
  record Checked(Decision decision, String content, ArrayNode toolCalls, String auditId) {

    boolean blocked() {
      return decision.verdict() == Verdict.BLOCK;
    }
  }
}
