package dev.parapet.check;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.parapet.model.Finding;
import dev.parapet.model.Message;
import dev.parapet.model.Severity;
import dev.parapet.model.Stage;
import dev.parapet.model.ToolCall;
import dev.parapet.model.Trust;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code messages} (OpenAI's chat shape or Anthropic's content blocks, message by message)
 * and {@code documents} into a {@link Conversation}. A broken shape is refused with the field's
 * name; tool-call arguments that are not JSON are a finding instead, since a model wrote them.
 */
public final class ConversationReader {

  /** Where Anthropic's top-level system prompt sits in a request, as a JSON pointer. */
  static final String SYSTEM_PATH = "/system";

  public static final String MALFORMED_ARGUMENTS = "MALFORMED_TOOL_ARGUMENTS";

  private static final int MAX_ARGUMENT_DEPTH = 32;
  private static final Set<String> DOCUMENT_KEYS = Set.of("id", "text");

  private static final ObjectMapper ARGUMENTS =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  static {
    ARGUMENTS
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_ARGUMENT_DEPTH).build());
  }

  private final ConversationLimits limits;
  private final List<Piece> pieces = new ArrayList<>();
  private final List<Message> messageFacts = new ArrayList<>();
  private final List<ToolCall> toolCalls = new ArrayList<>();
  private final List<Finding> malformed = new ArrayList<>();
  private final List<String> messageTexts = new ArrayList<>();
  private int codePoints;
  private int toolCallCount;

  private ConversationReader(ConversationLimits limits) {
    this.limits = limits;
  }

  /**
   * @param messages the request's {@code messages}
   * @param documents the request's {@code documents}, or null
   * @throws ConversationException naming the field that is wrong or too large
   */
  public static Conversation read(
      JsonNode messages, JsonNode documents, Scope scope, Stage stage, ConversationLimits limits) {
    return read(null, messages, documents, scope, stage, limits);
  }

  /**
   * Reads a conversation whose system prompt may sit outside {@code messages}, as Anthropic's
   * Messages API sends it: a top-level {@code system}, a string or an array of text blocks.
   */
  public static Conversation read(
      JsonNode system,
      JsonNode messages,
      JsonNode documents,
      Scope scope,
      Stage stage,
      ConversationLimits limits) {
    ConversationReader reader = new ConversationReader(limits);
    if (messages == null || !messages.isArray()) {
      throw invalid("'messages' must be an array of messages");
    }
    if (messages.size() > limits.maxMessages()) {
      throw tooLarge(
          "'messages' has "
              + messages.size()
              + " messages; the limit is "
              + limits.maxMessages()
              + ": send the recent turns with scope \"new\", or check in parts");
    }
    int firstChecked = scope == Scope.NEW ? firstNew(messages, stage) : 0;
    if (system != null && !system.isNull()) {
      // before the first message, so with scope "new" it is history like the turns after it
      reader.system(system, firstChecked == 0);
    }
    for (int i = 0; i < messages.size(); i++) {
      reader.message(messages.get(i), i, i >= firstChecked);
    }
    if (documents != null && !documents.isNull()) {
      reader.documents(documents);
    }
    return new Conversation(
        messages,
        documents == null || documents.isNull() ? null : documents,
        scope,
        reader.pieces,
        reader.messageFacts,
        reader.toolCalls,
        reader.malformed,
        reader.codePoints,
        reader.toolCallCount,
        reader.messageTexts,
        system == null || system.isNull() ? null : system);
  }

  /**
   * Anthropic's top-level system prompt. It is no message, so its findings carry no message index
   * but the path {@code /system}, and trust as a system message's.
   */
  private void system(JsonNode system, boolean inScope) {
    Content content = new Content(-1, Trust.APPLICATION, inScope, SYSTEM_PATH);
    if (system.isTextual()) {
      content.text(system.textValue(), SYSTEM_PATH, Trust.APPLICATION);
    } else if (system.isArray()) {
      for (int j = 0; j < system.size(); j++) {
        String at = "system[" + j + "]";
        JsonNode part = system.get(j);
        if (!part.isObject() || !part.path("type").isTextual()) {
          throw invalid("'" + at + "' must be an object with a 'type'");
        }
        if ("text".equals(part.get("type").textValue())) {
          content.text(
              requiredString(part, "text", at), SYSTEM_PATH + "/" + j + "/text", Trust.APPLICATION);
        }
      }
    } else {
      throw invalid("'system' must be a string or an array of text blocks");
    }
  }

  /** The first message after the last answer; on the output stage, the last answer itself. */
  private static int firstNew(JsonNode messages, Stage stage) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if ("assistant".equals(messages.get(i).path("role").asText())) {
        return stage == Stage.OUTPUT ? i : i + 1;
      }
    }
    return 0;
  }

  private void message(JsonNode m, int i, boolean inScope) {
    String at = "messages[" + i + "]";
    if (!m.isObject()) {
      throw invalid("'" + at + "' must be an object with a 'role'");
    }
    JsonNode roleNode = m.get("role");
    if (roleNode == null || !roleNode.isTextual()) {
      throw invalid("'" + at + ".role' is required: system, developer, user, assistant or tool");
    }
    String role = roleNode.textValue();
    Trust trust = Trust.ofRole(role);
    if (trust == null) {
      throw invalid("'" + at + ".role' must be one of system, developer, user, assistant or tool");
    }
    String name = optionalString(m, "name", at);
    optionalString(m, "tool_call_id", at);
    Content content = new Content(i, trust, inScope, "");
    JsonNode body = m.get("content");
    String pointer = "/messages/" + i + "/content";
    if (body != null && !body.isNull()) {
      if (body.isTextual()) {
        content.text(body.textValue(), pointer, trust);
      } else if (body.isArray()) {
        for (int j = 0; j < body.size(); j++) {
          block(body.get(j), at + ".content[" + j + "]", pointer + "/" + j, content);
        }
      } else {
        throw invalid("'" + at + ".content' must be a string or an array of content parts");
      }
    }
    JsonNode calls = m.get("tool_calls");
    if (calls != null && !calls.isNull()) {
      if (!calls.isArray()) {
        throw invalid("'" + at + ".tool_calls' must be an array");
      }
      for (int k = 0; k < calls.size(); k++) {
        openAiCall(calls.get(k), k, at + ".tool_calls[" + k + "]", content);
      }
    }
    messageFacts.add(new Message(i, role, trust, name, content.calls, inScope));
    messageTexts.add(content.joined.toString());
  }

  /** What one message has gathered so far: its text's length, its tool calls. */
  private final class Content {
    private final int message;
    private final Trust trust;
    private final boolean inScope;
    private final String path;
    private int textLength = -1;
    private int calls;
    private final StringBuilder joined = new StringBuilder();

    private Content(int message, Trust trust, boolean inScope, String path) {
      this.message = message;
      this.trust = trust;
      this.inScope = inScope;
      this.path = path;
    }

    /** Appends a text part to the message's text, parts joined by one newline. */
    private void text(String text, String target, Trust from) {
      int length = count(text);
      int offset = textLength < 0 ? 0 : textLength + 1;
      textLength = offset + length;
      if (offset > 0) {
        joined.append('\n');
      }
      joined.append(text);
      if (inScope) {
        pieces.add(new Piece(text, length, from, message, -1, path, "", offset, target, false));
      }
    }
  }

  private void block(JsonNode part, String at, String pointer, Content content) {
    if (!part.isObject() || !part.path("type").isTextual()) {
      throw invalid("'" + at + "' must be an object with a 'type'");
    }
    switch (part.get("type").textValue()) {
      case "text" ->
          content.text(requiredString(part, "text", at), pointer + "/text", content.trust);
      case "tool_use" -> anthropicCall(part, at, pointer, content);
      case "tool_result" -> toolResult(part, at, pointer, content);
      default -> {
        // images, audio, files and the like carry no text to check
      }
    }
  }

  private void toolResult(JsonNode part, String at, String pointer, Content content) {
    JsonNode body = part.get("content");
    if (body == null || body.isNull()) {
      return;
    }
    if (body.isTextual()) {
      content.text(body.textValue(), pointer + "/content", Trust.OUTSIDE);
      return;
    }
    if (!body.isArray()) {
      throw invalid("'" + at + ".content' must be a string or an array of content blocks");
    }
    for (int j = 0; j < body.size(); j++) {
      JsonNode inner = body.get(j);
      String innerAt = at + ".content[" + j + "]";
      if (!inner.isObject() || !inner.path("type").isTextual()) {
        throw invalid("'" + innerAt + "' must be an object with a 'type'");
      }
      if ("text".equals(inner.get("type").textValue())) {
        content.text(
            requiredString(inner, "text", innerAt),
            pointer + "/content/" + j + "/text",
            Trust.OUTSIDE);
      }
    }
  }

  private void openAiCall(JsonNode call, int k, String at, Content content) {
    if (!call.isObject()) {
      throw invalid("'" + at + "' must be an object with a 'function'");
    }
    JsonNode function = call.get("function");
    if (function == null || !function.isObject()) {
      throw invalid("'" + at + ".function' is required: an object with 'name' and 'arguments'");
    }
    String name = requiredString(function, "name", at + ".function");
    JsonNode args = function.get("arguments");
    if (args == null || !args.isTextual()) {
      throw invalid("'" + at + ".function.arguments' must be a string of JSON");
    }
    int index = countCall(content);
    int message = content.message;
    String raw = args.textValue();
    int rawLength = count(raw);
    if (!content.inScope) {
      return;
    }
    toolCalls.add(new ToolCall(message, index, name, "", raw));
    if (raw.isBlank()) {
      return;
    }
    JsonNode parsed;
    try {
      parsed = ARGUMENTS.readTree(raw);
    } catch (JsonProcessingException e) {
      parsed = null;
    }
    if (parsed == null || parsed.isMissingNode()) {
      malformed.add(
          new Finding(
                  "conversation",
                  MALFORMED_ARGUMENTS,
                  0,
                  rawLength,
                  Severity.MEDIUM,
                  1.0,
                  "conversation/tool-arguments")
              .located(0, message, index, "", "", Trust.MODEL));
      return;
    }
    String target = "/messages/" + message + "/tool_calls/" + k + "/function/arguments";
    leaves(parsed, "", message, index, name, target, true, false);
  }

  private void anthropicCall(JsonNode part, String at, String pointer, Content content) {
    String name = requiredString(part, "name", at);
    optionalString(part, "id", at);
    JsonNode input = part.get("input");
    if (input == null || !input.isObject()) {
      throw invalid("'" + at + ".input' must be an object of the tool's arguments");
    }
    int index = countCall(content);
    if (!content.inScope) {
      count(input.toString());
      return;
    }
    toolCalls.add(new ToolCall(content.message, index, name, "", input.toString()));
    leaves(input, "", content.message, index, name, pointer + "/input", false, true);
  }

  private int countCall(Content content) {
    if (++toolCallCount > limits.maxToolCalls()) {
      throw tooLarge(
          "the messages ask for more than "
              + limits.maxToolCalls()
              + " tool calls; the limit is "
              + limits.maxToolCalls());
    }
    return content.calls++;
  }

  /** A piece and a fact per string leaf, depth first, with its JSON pointer. */
  private void leaves(
      JsonNode node,
      String path,
      int message,
      int call,
      String name,
      String target,
      boolean inString,
      boolean counted) {
    if (node.isTextual()) {
      String value = node.textValue();
      int length = value.codePointCount(0, value.length());
      if (counted) {
        codePoints(length);
      }
      toolCalls.add(new ToolCall(message, call, name, path, value));
      String where = inString ? target : target + path;
      pieces.add(
          new Piece(value, length, Trust.MODEL, message, call, path, "", 0, where, inString));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        leaves(node.get(i), path + "/" + i, message, call, name, target, inString, counted);
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String step = "/" + e.getKey().replace("~", "~0").replace("/", "~1");
        leaves(e.getValue(), path + step, message, call, name, target, inString, counted);
      }
    }
  }

  private void documents(JsonNode documents) {
    if (!documents.isArray()) {
      throw invalid("'documents' must be an array of {id, text}");
    }
    if (documents.size() > limits.maxMessages()) {
      throw tooLarge(
          "'documents' has "
              + documents.size()
              + " documents; the limit is "
              + limits.maxMessages());
    }
    for (int d = 0; d < documents.size(); d++) {
      JsonNode doc = documents.get(d);
      String at = "documents[" + d + "]";
      if (!doc.isObject()) {
        throw invalid("'" + at + "' must be an object with 'id' and 'text'");
      }
      for (Iterator<String> keys = doc.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        if (!DOCUMENT_KEYS.contains(key)) {
          throw invalid("'" + at + "." + key + "' is not a document field: use 'id' and 'text'");
        }
      }
      String id = requiredString(doc, "id", at);
      String text = requiredString(doc, "text", at);
      int length = count(text);
      pieces.add(
          new Piece(
              text, length, Trust.OUTSIDE, -1, -1, "", id, 0, "/documents/" + d + "/text", false));
    }
  }

  /** The text's code points, added to the conversation's total. */
  private int count(String text) {
    int n = text.codePointCount(0, text.length());
    codePoints(n);
    return n;
  }

  private void codePoints(int n) {
    codePoints += n;
    if (codePoints > limits.maxCodePoints()) {
      throw tooLarge(
          "the messages and documents hold more than "
              + limits.maxCodePoints()
              + " code points; the limit is "
              + limits.maxCodePoints()
              + ": split them or check them in parts");
    }
  }

  private static String requiredString(JsonNode node, String field, String at) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw invalid("'" + at + "." + field + "' is required and must be a string");
    }
    return value.textValue();
  }

  private static String optionalString(JsonNode node, String field, String at) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return "";
    }
    if (!value.isTextual()) {
      throw invalid("'" + at + "." + field + "' must be a string");
    }
    return value.textValue();
  }

  private static ConversationException invalid(String detail) {
    return new ConversationException(detail, false);
  }

  private static ConversationException tooLarge(String detail) {
    return new ConversationException(detail, true);
  }
}
