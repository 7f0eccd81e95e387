package dev.parapet.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.check.ConversationException;
import dev.parapet.check.Judgement;
import dev.parapet.model.RuleError;
import dev.parapet.model.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A non-streamed chat completion with its answer checked, choice by choice, each choice one answer
 * with one audit record: its content alone, or, when it calls tools, its content and tool calls as
 * one assistant message (arguments checked as {@code /v1/check} checks them). A redaction is made
 * in place; a block empties the choice ({@code content: null}, no tool calls) with {@code
 * finish_reason: content_filter}.
 *
 * @param body the completion to send the client
 * @param auditIds the choices' audit records, in choice order
 */
record WholeAnswer(byte[] body, List<String> auditIds) {

  WholeAnswer {
    auditIds = List.copyOf(auditIds);
  }

  /** The choices' records as one header value, or null when there are none. */
  String auditId() {
    return auditIds.isEmpty() ? null : String.join(",", auditIds);
  }

  static WholeAnswer check(byte[] upstream, AnswerChecks answers) {
    JsonNode root;
    try {
      root = OpenAiWire.JSON.readTree(upstream);
    } catch (IOException e) {
      throw new UncheckedIOException("the upstream's answer is not JSON", e);
    }
    List<String> auditIds = new ArrayList<>();
    for (JsonNode choice : root.path("choices")) {
      if (!(choice instanceof ObjectNode c) || !(c.get("message") instanceof ObjectNode message)) {
        continue;
      }
      JsonNode content = message.path("content");
      String text = content.isTextual() ? content.textValue() : null;
      JsonNode calls = message.path("tool_calls");
      if (calls instanceof ArrayNode toolCalls && !toolCalls.isEmpty()) {
        auditIds.add(withTools(c, message, text, toolCalls, answers));
        continue;
      }
      Judgement judged = answers.text().judge(text == null ? "" : text, true, null);
      auditIds.add(judged.auditId());
      Verdict verdict = judged.decision().verdict();
      if (verdict == Verdict.BLOCK) {
        filtered(c, message);
      } else if (verdict == Verdict.REDACT && text != null) {
        message.put("content", judged.decision().redactedText());
      }
    }
    if (auditIds.isEmpty()) {
      // an answer without choices: recorded all the same, one record per stage
      auditIds.add(answers.text().judge("", true, null).auditId());
    }
    return new WholeAnswer(OpenAiWire.bytes(root), auditIds);
  }

  private static String withTools(
      ObjectNode choice, ObjectNode message, String text, ArrayNode calls, AnswerChecks answers) {
    AnswerChecks.Checked checked;
    try {
      checked = answers.message(text, calls, true);
    } catch (ConversationException e) {
      // calls that cannot be read are never passed on
      filtered(choice, message);
      return answers
          .text()
          .judge(
              text == null ? "" : text,
              true,
              new RuleError("gateway", "gateway/tool-calls", e.getMessage()))
          .auditId();
    }
    if (checked.blocked()) {
      filtered(choice, message);
    } else if (checked.decision().verdict() == Verdict.REDACT) {
      if (text != null) {
        message.put("content", checked.content());
      }
      message.set("tool_calls", checked.toolCalls());
    }
    return checked.auditId();
  }

  private static void filtered(ObjectNode choice, ObjectNode message) {
    message.putNull("content");
    message.remove("tool_calls");
    choice.put("finish_reason", "content_filter");
  }
}
