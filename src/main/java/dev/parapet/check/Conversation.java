package dev.parapet.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.model.Finding;
import dev.parapet.model.Message;
import dev.parapet.model.ToolCall;
import java.util.List;

/**
 * A conversation flattened into located texts, with the facts rules see about it. Built by {@link
 * ConversationReader}; the original JSON is kept so a redaction can return it with only the
 * redacted strings replaced.
 *
 * @param messages the request's {@code messages} as sent
 * @param documents the request's {@code documents} as sent, or null
 * @param pieces the texts to check, in order
 * @param messageFacts one fact per message, in or out of scope
 * @param toolCalls one fact per string leaf of each call's arguments, and one per call
 * @param malformed a finding per tool call whose arguments are not JSON
 * @param codePoints the code points of all the text, checked or not
 * @param toolCallCount the tool calls asked for
 * @param messageTexts each message's text (its text parts joined by a newline), checked or not, for
 *     signals that span turns
 * @param system Anthropic's top-level {@code system} as sent, or null
 */
public record Conversation(
    JsonNode messages,
    JsonNode documents,
    Scope scope,
    List<Piece> pieces,
    List<Message> messageFacts,
    List<ToolCall> toolCalls,
    List<Finding> malformed,
    int codePoints,
    int toolCallCount,
    List<String> messageTexts,
    JsonNode system) {

  public Conversation {
    messageTexts = List.copyOf(messageTexts);
    pieces = List.copyOf(pieces);
    messageFacts = List.copyOf(messageFacts);
    toolCalls = List.copyOf(toolCalls);
    malformed = List.copyOf(malformed);
  }

  /** The code points of the texts that are checked. */
  int checkedCodePoints() {
    int n = 0;
    for (Piece piece : pieces) {
      n += piece.length();
    }
    return n;
  }

  /** Messages whose content is checked. */
  public int checkedMessages() {
    int n = 0;
    for (Message m : messageFacts) {
      n += m.inScope() ? 1 : 0;
    }
    return n;
  }

  /** Tool calls in checked messages. */
  public int checkedToolCalls() {
    int n = 0;
    for (Message m : messageFacts) {
      n += m.inScope() ? m.toolCalls() : 0;
    }
    return n;
  }

  /** The checked texts joined by newlines: what the audit log hashes in place of a text. */
  public String joinedText() {
    StringBuilder out = new StringBuilder();
    for (Piece piece : pieces) {
      if (!out.isEmpty()) {
        out.append('\n');
      }
      out.append(piece.text());
    }
    return out.toString();
  }

  /** The role of the message at an index, or the empty string outside the messages. */
  public String roleOf(int index) {
    return index >= 0 && index < messageFacts.size() ? messageFacts.get(index).role() : "";
  }
}
