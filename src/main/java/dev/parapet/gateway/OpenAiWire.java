package dev.parapet.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** The pieces of OpenAI's chat-completions wire format the gateway writes itself. */
final class OpenAiWire {

  static final ObjectMapper JSON = new ObjectMapper();

  private OpenAiWire() {}

  /** OpenAI's error body: {@code {"error": {"message", "type", "param", "code"}}}. */
  static byte[] error(String message, String type, String param, String code) {
    ObjectNode root = JSON.createObjectNode();
    root.set("error", errorNode(message, type, param, code));
    return bytes(root);
  }

  static ObjectNode errorNode(String message, String type, String param, String code) {
    ObjectNode error = JSON.createObjectNode();
    error.put("message", message);
    error.put("type", type);
    if (param == null) {
      error.putNull("param");
    } else {
      error.put("param", param);
    }
    error.put("code", code);
    return error;
  }

  /** A chunk like {@code like} (its id, created, model) holding one choice. */
  static ObjectNode chunkOf(JsonNode like, ObjectNode choice) {
    ObjectNode chunk = JSON.createObjectNode();
    chunk.put("id", like == null ? "chatcmpl-parapet" : like.path("id").asText("chatcmpl-parapet"));
    chunk.put("object", "chat.completion.chunk");
    chunk.put("created", like == null ? 0 : like.path("created").asLong(0));
    chunk.put("model", like == null ? "" : like.path("model").asText(""));
    chunk.putArray("choices").add(choice);
    return chunk;
  }

  /** A chunk's choice with an empty delta and no finish reason yet. */
  static ObjectNode choice(int index) {
    ObjectNode choice = JSON.createObjectNode();
    choice.put("index", index);
    choice.putObject("delta");
    choice.putNull("finish_reason");
    return choice;
  }

  /** A choice's last chunk after a block: no content, {@code finish_reason: content_filter}. */
  static ObjectNode contentFilterChoice(int index) {
    ObjectNode choice = choice(index);
    choice.put("finish_reason", "content_filter");
    return choice;
  }

  static String event(JsonNode data) {
    return "data: " + data.toString() + "\n\n";
  }

  static final String DONE = "data: [DONE]\n\n";

  static byte[] bytes(JsonNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }
}
