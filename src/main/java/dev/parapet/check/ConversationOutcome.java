package dev.parapet.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a decision on a conversation adds to one on a text.
 *
 * @param messagesChecked the messages whose content was checked
 * @param toolCallsChecked the tool calls whose arguments were checked
 * @param roles each message's role, by index, so an audit record can say where a finding sat
 *     without the text
 * @param redactedMessages the {@code messages} with the redacted strings replaced when the verdict
 *     is redact, else null
 * @param redactedDocuments the {@code documents} likewise, or null when none were sent
 * @param redactedSystem Anthropic's top-level {@code system} likewise, or null when none was sent
 */
public record ConversationOutcome(
    int messagesChecked,
    int toolCallsChecked,
    List<String> roles,
    JsonNode redactedMessages,
    JsonNode redactedDocuments,
    JsonNode redactedSystem) {

  public ConversationOutcome {
    roles = List.copyOf(roles);
  }

  /** The role of the message at an index, or null outside the messages (a document). */
  public String roleOf(int message) {
    return message >= 0 && message < roles.size() ? roles.get(message) : null;
  }
}
