package dev.parapet.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.check.Judgement;
import dev.parapet.model.Verdict;
import dev.parapet.stream.Judge;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A non-streamed chat completion with its answer checked: the first choice's content as one answer
 * (one audit record), redacted in place, or emptied with {@code finish_reason: content_filter} on a
 * block. Further choices are checked too, unrecorded, and judged the same way.
 *
 * @param body the completion to send the client
 * @param auditId the answer's audit record
 */
record WholeAnswer(byte[] body, String auditId) {

  static WholeAnswer check(byte[] upstream, Judge judge) {
    JsonNode root;
    try {
      root = OpenAiWire.JSON.readTree(upstream);
    } catch (IOException e) {
      throw new UncheckedIOException("the upstream's answer is not JSON", e);
    }
    String auditId = null;
    JsonNode choices = root.path("choices");
    boolean recorded = false;
    for (JsonNode choice : choices) {
      JsonNode message = choice.path("message");
      JsonNode content = message.path("content");
      if (!content.isTextual() || !(message instanceof ObjectNode)) {
        continue;
      }
      Judgement judged = judge.judge(content.textValue(), !recorded, null);
      if (!recorded) {
        auditId = judged.auditId();
        recorded = true;
      }
      Verdict verdict = judged.decision().verdict();
      if (verdict == Verdict.BLOCK) {
        ((ObjectNode) message).putNull("content");
        ((ObjectNode) choice).put("finish_reason", "content_filter");
      } else if (verdict == Verdict.REDACT) {
        ((ObjectNode) message).put("content", judged.decision().redactedText());
      }
    }
    if (!recorded) {
      // an answer of tool calls only: recorded all the same, one record per stage
      auditId = judge.judge("", true, null).auditId();
    }
    return new WholeAnswer(OpenAiWire.bytes(root), auditId);
  }
}
