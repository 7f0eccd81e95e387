package dev.parapet.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.parapet.app.ParapetConfig;
import dev.parapet.check.CheckRequest;
import dev.parapet.check.Conversation;
import dev.parapet.check.ConversationException;
import dev.parapet.check.ConversationLimits;
import dev.parapet.check.ConversationReader;
import dev.parapet.check.Scope;
import dev.parapet.model.Stage;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a raw {@code POST /v1/check} body into a {@link CheckRequest}, answering every defect with
 * a problem that says what to fix. Parsing is strict: invalid UTF-8, duplicate keys, deep nesting
 * and wrong types are refused rather than guessed at.
 */
final class CheckRequestParser {

  static final int MAX_DEPTH = 16;

  /**
   * Longest {@code tenant} and {@code requestId}, in chars (UTF-16 code units): what the audit
   * store's columns hold, so that no accepted request makes a record the store refuses. Fixed, not
   * configurable, for that reason.
   */
  static final int MAX_ID_LENGTH = 256;

  /** Longest {@code profile} name, in chars: the store's column holds 128. */
  static final int MAX_PROFILE_LENGTH = 128;

  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  static {
    STRICT
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
  }

  private final ParapetConfig.Limits limits;

  CheckRequestParser(ParapetConfig.Limits limits) {
    this.limits = limits;
  }

  CheckRequest parse(byte[] body, boolean explain) {
    JsonNode root = read(body);
    if (!root.isObject()) {
      throw invalid("the body must be a JSON object with at least a 'text' member");
    }
    if (root.has("messages") || root.has("documents") || root.has("scope") || root.has("system")) {
      return conversation(root, explain);
    }
    JsonNode text = root.get("text");
    if (text == null || text.isNull()) {
      throw invalid(
          "'text' is required: the prompt or answer to check (or 'messages' for a conversation)");
    }
    if (!text.isTextual()) {
      throw invalid("'text' must be a string");
    }
    String value = text.textValue();
    int length = value.codePointCount(0, value.length());
    if (length > limits.maxTextLength()) {
      throw new ProblemException(
          ErrorCode.TOO_LARGE,
          "'text' has "
              + length
              + " code points; the limit is "
              + limits.maxTextLength()
              + ": split it or check it in parts");
    }
    return new CheckRequest(
        value,
        stage(root.get("stage")),
        identifier(root, "profile", MAX_PROFILE_LENGTH),
        identifier(root, "tenant", MAX_ID_LENGTH),
        identifier(root, "requestId", MAX_ID_LENGTH),
        context(root.get("context")),
        explain);
  }

  /**
   * A stream's opening: the profile, tenant, requestId and context its answer is checked with, and
   * the prompt's {@code messages} when sent, as an input-stage check. An empty body takes defaults.
   *
   * @return the answer's envelope (its text empty: chunks bring it) and the prompt's check or null
   */
  CheckRequest[] opening(byte[] body) {
    JsonNode root = body == null || body.length == 0 ? STRICT.createObjectNode() : read(body);
    if (!root.isObject()) {
      throw invalid(
          "the body must be a JSON object (profile, tenant, requestId, context, messages)");
    }
    if (root.has("text")) {
      throw invalid("a stream's text comes in chunks: POST /v1/streams/{id}/chunks {\"text\": …}");
    }
    CheckRequest answer =
        new CheckRequest(
            "",
            Stage.OUTPUT,
            identifier(root, "profile", MAX_PROFILE_LENGTH),
            identifier(root, "tenant", MAX_ID_LENGTH),
            identifier(root, "requestId", MAX_ID_LENGTH),
            context(root.get("context")),
            false);
    JsonNode messages = root.get("messages");
    CheckRequest prompt = null;
    if (messages != null && !messages.isNull()) {
      try {
        prompt =
            CheckRequest.of(
                ConversationReader.read(messages, null, Scope.ALL, Stage.INPUT, conversations()),
                Stage.INPUT,
                answer.profile(),
                answer.tenant(),
                answer.requestId(),
                answer.context(),
                false);
      } catch (ConversationException e) {
        throw new ProblemException(
            e.tooLarge() ? ErrorCode.TOO_LARGE : ErrorCode.INVALID_REQUEST, e.getMessage());
      }
    }
    return new CheckRequest[] {answer, prompt};
  }

  /** A chunk of a stream: its {@code text}, required, a string. */
  String chunk(byte[] body) {
    JsonNode root = read(body);
    JsonNode text = root.isObject() ? root.get("text") : null;
    if (text == null || !text.isTextual()) {
      throw invalid("'text' is required and must be a string: the next piece of the answer");
    }
    return text.textValue();
  }

  int maxTextLength() {
    return limits.maxTextLength();
  }

  /**
   * A stored identifier: at most {@code max} chars (the audit store's column holds that many), no
   * control characters and no unpaired surrogate, which the stores would refuse or turn into {@code
   * ?}. Refused rather than repaired, so the id echoed back is the one recorded.
   */
  private static String identifier(JsonNode root, String name, int max) {
    String value = optionalString(root, name);
    if (value == null) {
      return null;
    }
    if (value.length() > max) {
      throw invalid("'" + name + "' has " + value.length() + " chars; the limit is " + max);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        throw invalid(
            "'"
                + name
                + "' holds a control character (U+"
                + String.format(java.util.Locale.ROOT, "%04X", (int) c)
                + ") at index "
                + i);
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < value.length()
            && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
        } else {
          throw invalid(
              "'"
                  + name
                  + "' holds an unpaired surrogate at index "
                  + i
                  + "; send well-formed Unicode");
        }
      }
    }
    return value;
  }

  /** A conversation: {@code messages}, optional {@code documents} and {@code scope}. */
  private CheckRequest conversation(JsonNode root, boolean explain) {
    if (root.has("text")) {
      throw invalid("send exactly one of 'text' and 'messages', not both");
    }
    JsonNode messages = root.get("messages");
    if (messages == null || messages.isNull()) {
      throw invalid("'messages' is required with 'documents', 'system' or 'scope'");
    }
    Stage stage = stage(root.get("stage"));
    Conversation conversation;
    try {
      conversation =
          ConversationReader.read(
              root.get("system"),
              messages,
              root.get("documents"),
              scope(root.get("scope")),
              stage,
              conversations());
    } catch (ConversationException e) {
      throw new ProblemException(
          e.tooLarge() ? ErrorCode.TOO_LARGE : ErrorCode.INVALID_REQUEST, e.getMessage());
    }
    return CheckRequest.of(
        conversation,
        stage,
        identifier(root, "profile", MAX_PROFILE_LENGTH),
        identifier(root, "tenant", MAX_ID_LENGTH),
        identifier(root, "requestId", MAX_ID_LENGTH),
        context(root.get("context")),
        explain);
  }

  private ConversationLimits conversations() {
    return new ConversationLimits(
        limits.maxMessages(), limits.maxToolCalls(), limits.maxTextLength());
  }

  private static Scope scope(JsonNode node) {
    if (node == null || node.isNull()) {
      return Scope.ALL;
    }
    Scope scope = node.isTextual() ? Scope.fromWire(node.textValue()) : null;
    if (scope == null) {
      throw invalid(
          "'scope' must be \"all\" (every message) or \"new\" (after the last assistant message)");
    }
    return scope;
  }

  private static JsonNode read(byte[] body) {
    if (body == null || body.length == 0) {
      throw invalid("the body is empty; send a JSON object with a 'text' member");
    }
    try {
      return STRICT.readTree(Utf8.decode(body));
    } catch (JsonProcessingException e) {
      throw new ProblemException(ErrorCode.MALFORMED_JSON, describe(e));
    } catch (IOException e) {
      throw new ProblemException(ErrorCode.MALFORMED_JSON, "the body could not be read as JSON");
    }
  }

  /** Says where the JSON broke without echoing the body back. */
  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    String kind;
    if (message != null && message.startsWith("Duplicate field")) {
      kind = "a key appears twice in one object";
    } else if (message != null && message.contains("nesting depth")) {
      kind = "the JSON is nested deeper than " + MAX_DEPTH + " levels";
    } else if (message != null && message.contains("UTF-8")) {
      kind = "the body is not valid UTF-8";
    } else {
      kind = "the body is not valid JSON";
    }
    if (e.getLocation() != null) {
      return kind
          + " (line "
          + e.getLocation().getLineNr()
          + ", column "
          + e.getLocation().getColumnNr()
          + ")";
    }
    return kind;
  }

  private static Stage stage(JsonNode node) {
    if (node == null || node.isNull()) {
      return Stage.INPUT;
    }
    Stage stage = node.isTextual() ? Stage.fromWire(node.textValue()) : null;
    if (stage == null) {
      throw new ProblemException(
          ErrorCode.UNKNOWN_STAGE,
          "'stage' must be \"input\" (a prompt) or \"output\" (an answer)");
    }
    return stage;
  }

  private static String optionalString(JsonNode root, String name) {
    JsonNode node = root.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw invalid("'" + name + "' must be a string");
    }
    return node.textValue();
  }

  private Map<String, String> context(JsonNode node) {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw invalid("'context' must be a flat object of string values");
    }
    if (node.size() > limits.maxContextEntries()) {
      throw invalid(
          "'context' has " + node.size() + " entries; the limit is " + limits.maxContextEntries());
    }
    Map<String, String> context = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (!entry.getValue().isTextual()) {
        throw invalid("'context." + entry.getKey() + "' must be a string");
      }
      String value = entry.getValue().textValue();
      if (entry.getKey().length() > limits.maxContextValueLength()
          || value.length() > limits.maxContextValueLength()) {
        throw invalid(
            "a context key or value is longer than " + limits.maxContextValueLength() + " chars");
      }
      context.put(entry.getKey(), value);
    }
    return context;
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ErrorCode.INVALID_REQUEST, detail);
  }
}
