package dev.parapet.check;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes redacted strings back into a copy of the conversation's JSON, so every field but the
 * redacted strings comes back as sent. OpenAI arguments are a string of JSON: they are parsed,
 * changed at the leaves and written again, compactly.
 */
final class ConversationRedactor {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ConversationRedactor() {}

  /**
   * @param rewritten the new text of each piece that changed
   * @return a root holding {@code messages} and, when sent, {@code documents} and {@code system}
   */
  static ObjectNode apply(Conversation conversation, Map<Piece, String> rewritten) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set("messages", conversation.messages().deepCopy());
    if (conversation.documents() != null) {
      root.set("documents", conversation.documents().deepCopy());
    }
    if (conversation.system() != null) {
      root.set("system", conversation.system().deepCopy());
    }
    Map<String, JsonNode> arguments = new LinkedHashMap<>();
    for (Map.Entry<Piece, String> e : rewritten.entrySet()) {
      Piece piece = e.getKey();
      if (!piece.inArgumentString()) {
        set(root, piece.target(), e.getValue());
        continue;
      }
      JsonNode parsed =
          arguments.computeIfAbsent(piece.target(), target -> parse(root.at(target).asText()));
      if (piece.path().isEmpty()) {
        arguments.put(piece.target(), TextNode.valueOf(e.getValue()));
      } else {
        set(parsed, piece.path(), e.getValue());
      }
    }
    for (Map.Entry<String, JsonNode> e : arguments.entrySet()) {
      set(root, e.getKey(), e.getValue().toString());
    }
    return root;
  }

  private static JsonNode parse(String arguments) {
    try {
      return JSON.readTree(arguments);
    } catch (JsonProcessingException e) {
      // the reader parsed the same string before making pieces of it
      throw new IllegalStateException("tool-call arguments no longer parse", e);
    }
  }

  private static void set(JsonNode root, String pointer, String value) {
    JsonPointer at = JsonPointer.compile(pointer);
    JsonNode parent = root.at(at.head());
    JsonPointer last = at.last();
    if (parent instanceof ObjectNode object) {
      object.put(last.getMatchingProperty(), value);
    } else if (parent instanceof ArrayNode array) {
      array.set(last.getMatchingIndex(), TextNode.valueOf(value));
    } else {
      throw new IllegalStateException("no string at " + pointer);
    }
  }
}
