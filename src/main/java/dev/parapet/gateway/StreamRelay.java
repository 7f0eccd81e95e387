package dev.parapet.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.api.auth.Caller;
import dev.parapet.model.RuleError;
import dev.parapet.stream.StreamSessions;
import dev.parapet.stream.TooManyStreamsException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Relays one streamed answer: reads the upstream's server-sent events as they come, passes each
 * choice's content through that choice's stream session, and writes the same events carrying only
 * released text; tool calls are held until their choice finishes and they are checked. The upstream
 * is paused while a chunk is checked and while the client's write queue is full, so a slow client
 * slows the upstream instead of filling memory. A block ends its choice with {@code finish_reason:
 * content_filter}; once every choice has ended and one was blocked, the stream ends and the
 * upstream call is closed.
 */
final class StreamRelay {

  private final Vertx vertx;
  private final List<ChoiceStream> choices;
  private final HttpClientRequest upstream;
  private final HttpClientResponse answer;
  private final HttpServerResponse out;
  private final SseEvents events = new SseEvents();
  private JsonNode last;
  private boolean finished;

  /**
   * @param choices one per choice the request asked for ({@code n}), by index
   */
  StreamRelay(
      Vertx vertx,
      List<ChoiceStream> choices,
      HttpClientRequest upstream,
      HttpClientResponse answer,
      HttpServerResponse out) {
    this.vertx = vertx;
    this.choices = List.copyOf(choices);
    this.upstream = upstream;
    this.answer = answer;
    this.out = out;
  }

  /** The owner of a gateway's stream sessions: the key, as for {@code /v1/streams}. */
  static String owner(Caller caller) {
    return caller == null ? "" : caller.id();
  }

  /**
   * Opens a choice stream for each of the {@code n} choices, or none.
   *
   * @throws TooManyStreamsException when the key has fewer than {@code n} sessions left
   */
  static List<ChoiceStream> open(
      int n, StreamSessions sessions, Caller caller, AnswerChecks answers, int maxLength) {
    List<ChoiceStream> opened = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        opened.add(ChoiceStream.open(i, sessions, owner(caller), answers, maxLength));
      }
    } catch (TooManyStreamsException e) {
      opened.forEach(ChoiceStream::discard);
      throw e;
    }
    return opened;
  }

  void start(List<Runnable> onClientClose) {
    out.setStatusCode(200)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .setChunked(true);
    onClientClose.add(this::clientGone);
    answer.handler(this::data);
    answer.endHandler(v -> upstreamEnded());
    answer.exceptionHandler(e -> brokeOff(ChatCompletionsRoute.describe(e)));
  }

  private void data(Buffer buffer) {
    if (finished) {
      return;
    }
    answer.pause();
    List<String> datas = events.feed(buffer.getBytes());
    vertx
        .executeBlocking(() -> process(datas))
        .onComplete(
            processed -> {
              if (finished) {
                return;
              }
              if (processed.failed()) {
                brokeOff("the answer could not be checked: " + processed.cause().getMessage());
                return;
              }
              Relayed relayed = processed.result();
              if (!relayed.text().isEmpty()) {
                out.write(relayed.text());
              }
              if (relayed.done()) {
                finished = true;
                out.end();
                upstream
                    .reset(); // every choice blocked ends the upstream call; after [DONE] a no-op
              } else if (out.writeQueueFull()) {
                out.drainHandler(v -> answer.resume());
              } else {
                answer.resume();
              }
            });
  }

  /** What one read gave the client, and whether the stream is over. */
  private record Relayed(String text, boolean done) {}

  /** Runs on a worker: checking is CPU work, and each session takes chunks one at a time. */
  private Relayed process(List<String> datas) {
    StringBuilder written = new StringBuilder();
    for (String data : datas) {
      if (data.trim().equals("[DONE]")) {
        for (ChoiceStream choice : choices) {
          if (!choice.ended()) {
            ObjectNode flushed = OpenAiWire.choice(choice.index());
            finish(choice, flushed, (ObjectNode) flushed.get("delta"));
            written.append(OpenAiWire.event(OpenAiWire.chunkOf(last, flushed)));
          }
        }
        written.append(OpenAiWire.DONE);
        return new Relayed(written.toString(), true);
      }
      JsonNode node;
      try {
        node = OpenAiWire.JSON.readTree(data);
      } catch (IOException e) {
        continue; // not a chunk of ours to judge; never passed on unchecked
      }
      JsonNode choicesOf = node.path("choices");
      if (!(node instanceof ObjectNode chunk) || !choicesOf.isArray() || choicesOf.isEmpty()) {
        written.append(OpenAiWire.event(node)); // usage, or an upstream error: passed on
        continue;
      }
      last = node;
      ArrayNode kept = OpenAiWire.JSON.createArrayNode();
      for (JsonNode c : choicesOf) {
        ObjectNode relayed = relay(c);
        if (relayed != null) {
          kept.add(relayed);
        }
      }
      if (!kept.isEmpty()) {
        chunk.set("choices", kept);
        written.append(OpenAiWire.event(chunk));
      }
      if (choices.stream().allMatch(ChoiceStream::ended)
          && choices.stream().anyMatch(ChoiceStream::blocked)) {
        written.append(OpenAiWire.DONE);
        return new Relayed(written.toString(), true);
      }
    }
    return new Relayed(written.toString(), false);
  }

  /**
   * One choice of a chunk as the client may see it, or null when nothing of it may be shown: its
   * content as released, its tool calls held until it finishes, a block as {@code content_filter}.
   */
  private ObjectNode relay(JsonNode c) {
    int index = c.path("index").asInt(0);
    if (!(c instanceof ObjectNode choiceNode) || index < 0 || index >= choices.size()) {
      return null; // a choice the request did not ask for: never passed on unchecked
    }
    ChoiceStream choice = choices.get(index);
    if (choice.ended()) {
      return null;
    }
    if (!(choiceNode.get("delta") instanceof ObjectNode)) {
      choiceNode.putObject("delta");
    }
    ObjectNode delta = (ObjectNode) choiceNode.get("delta");
    JsonNode toolCalls = delta.remove("tool_calls");
    if (toolCalls != null && toolCalls.isArray()) {
      choice.toolCalls(toolCalls);
    }
    if (delta.path("content").isTextual()) {
      String release = choice.content(delta.get("content").textValue());
      if (release == null) {
        return OpenAiWire.contentFilterChoice(index);
      }
      delta.put("content", release);
    }
    if (choiceNode.hasNonNull("finish_reason")) {
      return finish(choice, choiceNode, delta);
    }
    return choiceNode;
  }

  /** Finishes a choice into {@code choiceNode}: its held tail and tool calls, or a block. */
  private static ObjectNode finish(ChoiceStream choice, ObjectNode choiceNode, ObjectNode delta) {
    ChoiceStream.Finish finish = choice.finish();
    if (finish.blocked()) {
      return OpenAiWire.contentFilterChoice(choice.index());
    }
    if (!finish.release().isEmpty()) {
      delta.put("content", delta.path("content").asText("") + finish.release());
    }
    if (finish.toolCalls() != null) {
      delta.set("tool_calls", finish.toolCalls());
    }
    return choiceNode;
  }

  private void upstreamEnded() {
    if (finished) {
      return;
    }
    if (choices.stream().allMatch(ChoiceStream::ended)) {
      finished = true;
      out.end(OpenAiWire.DONE); // the answer was whole; only [DONE] was missing
      return;
    }
    brokeOff("the upstream closed the stream before it ended");
  }

  /** The upstream failed mid-stream: the client gets an error event, the record says why. */
  private void brokeOff(String what) {
    if (finished) {
      return;
    }
    finished = true;
    upstream.reset();
    abort(ChatCompletionsRoute.Notes.upstream(what));
    ChatCompletionsRoute.fail(out, 502, what, "upstream_error", null, "upstream_error");
  }

  private void clientGone() {
    if (finished) {
      return;
    }
    finished = true;
    upstream.reset();
    abort(new RuleError("gateway", "gateway/client", "the client disconnected mid-stream"));
  }

  private void abort(RuleError note) {
    vertx
        .executeBlocking(
            () -> {
              choices.forEach(c -> c.abort(note));
              return null;
            })
        .onFailure(
            e ->
                org.jboss.logging.Logger.getLogger(StreamRelay.class)
                    .warn("a broken-off stream could not be recorded", e));
  }
}
