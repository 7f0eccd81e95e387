package dev.parapet.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tool calls of one streamed choice, put together from their deltas: OpenAI sends a call's id,
 * type and name once, under its {@code index}, then its {@code function.arguments} in pieces.
 * Nothing of a call is passed on while it is assembled.
 */
final class ToolCallAssembly {

  /** One call so far. */
  private static final class Call {
    String id;
    String type;
    String name;
    final StringBuilder arguments = new StringBuilder();
  }

  private final Map<Integer, Call> calls = new TreeMap<>();
  private final int maxLength;
  private int length;

  /**
   * @param maxLength the most chars of arguments the calls may hold together
   */
  ToolCallAssembly(int maxLength) {
    this.maxLength = maxLength;
  }

  /**
   * Adds the deltas of one chunk ({@code delta.tool_calls}).
   *
   * @throws IllegalStateException when the arguments grow past the limit
   */
  void add(JsonNode deltas) {
    for (JsonNode delta : deltas) {
      Call call = calls.computeIfAbsent(delta.path("index").asInt(calls.size()), i -> new Call());
      if (delta.path("id").isTextual()) {
        call.id = delta.get("id").textValue();
      }
      if (delta.path("type").isTextual()) {
        call.type = delta.get("type").textValue();
      }
      JsonNode function = delta.path("function");
      if (function.path("name").isTextual()) {
        call.name = function.get("name").textValue();
      }
      if (function.path("arguments").isTextual()) {
        String piece = function.get("arguments").textValue();
        length += piece.length();
        if (length > maxLength) {
          throw new IllegalStateException(
              "the tool calls' arguments are over " + maxLength + " chars, the check's limit");
        }
        call.arguments.append(piece);
      }
    }
  }

  boolean isEmpty() {
    return calls.isEmpty();
  }

  /** The calls as an assistant message holds them: {@code [{id, type, function}]}. */
  ArrayNode calls() {
    ArrayNode out = OpenAiWire.JSON.createArrayNode();
    for (Call call : calls.values()) {
      ObjectNode node = out.addObject();
      if (call.id != null) {
        node.put("id", call.id);
      }
      node.put("type", call.type == null ? "function" : call.type);
      ObjectNode function = node.putObject("function");
      if (call.name != null) {
        function.put("name", call.name);
      }
      function.put("arguments", call.arguments.toString());
    }
    return out;
  }

  /**
   * Complete calls as one chunk's {@code delta.tool_calls}: each under its index, its arguments
   * whole.
   */
  ArrayNode deltas(ArrayNode complete) {
    ArrayNode out = OpenAiWire.JSON.createArrayNode();
    int i = 0;
    for (Integer index : calls.keySet()) {
      ObjectNode delta = out.addObject();
      delta.put("index", index);
      delta.setAll((ObjectNode) complete.get(i++));
    }
    return out;
  }
}
