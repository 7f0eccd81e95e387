package dev.parapet.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.api.auth.Caller;
import dev.parapet.model.RuleError;
import dev.parapet.model.Verdict;
import dev.parapet.stream.Step;
import dev.parapet.stream.StreamSession;
import dev.parapet.stream.StreamSessions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.util.List;

/**
 * Relays one streamed answer: reads the upstream's server-sent events as they come, passes each
 * chunk's content through the stream session, and writes the same events carrying only released
 * text. The upstream is paused while a chunk is checked and while the client's write queue is full,
 * so a slow client slows the upstream instead of filling memory. A block ends the stream with
 * {@code finish_reason: content_filter} and closes the upstream call.
 */
final class StreamRelay {

  private final Vertx vertx;
  private final StreamSessions sessions;
  private final StreamSession session;
  private final HttpClientRequest upstream;
  private final HttpClientResponse answer;
  private final HttpServerResponse out;
  private final SseEvents events = new SseEvents();
  private JsonNode last;
  private boolean closed;
  private boolean finished;

  StreamRelay(
      Vertx vertx,
      StreamSessions sessions,
      StreamSession session,
      HttpClientRequest upstream,
      HttpClientResponse answer,
      HttpServerResponse out) {
    this.vertx = vertx;
    this.sessions = sessions;
    this.session = session;
    this.upstream = upstream;
    this.answer = answer;
    this.out = out;
  }

  /** The owner of a gateway's stream sessions: the key, as for {@code /v1/streams}. */
  static String owner(Caller caller) {
    return caller == null ? "" : caller.id();
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
                upstream.reset(); // a block ends the upstream call too; after [DONE] a no-op
              } else if (out.writeQueueFull()) {
                out.drainHandler(v -> answer.resume());
              } else {
                answer.resume();
              }
            });
  }

  /** What one read gave the client, and whether the stream is over. */
  private record Relayed(String text, boolean done) {}

  /** Runs on a worker: checking is CPU work, and the session takes chunks one at a time. */
  private Relayed process(List<String> datas) {
    StringBuilder written = new StringBuilder();
    for (String data : datas) {
      if (data.trim().equals("[DONE]")) {
        if (!closed) {
          Step step = close();
          if (step.verdict() == Verdict.BLOCK) {
            return blocked(written);
          }
          if (!step.release().isEmpty()) {
            written.append(OpenAiWire.event(OpenAiWire.contentChunk(last, step.release())));
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
      JsonNode choices = node.path("choices");
      if (!(node instanceof ObjectNode) || !choices.isArray() || choices.isEmpty()) {
        written.append(OpenAiWire.event(node)); // usage, or an upstream error: passed on
        continue;
      }
      last = node;
      JsonNode choice = choices.get(0);
      JsonNode delta = choice.path("delta");
      if (delta instanceof ObjectNode d && d.path("content").isTextual() && !closed) {
        Step step = session.append(d.get("content").textValue(), sessions.now());
        if (step.verdict() == Verdict.BLOCK && step.last()) {
          sessions.ended(session);
          closed = true;
          return blocked(written);
        }
        d.put("content", step.release());
      }
      if (choice.hasNonNull("finish_reason") && !closed) {
        Step step = close();
        if (step.verdict() == Verdict.BLOCK) {
          return blocked(written);
        }
        if (delta instanceof ObjectNode d && !step.release().isEmpty()) {
          d.put("content", d.path("content").asText("") + step.release());
        }
      }
      written.append(OpenAiWire.event(node));
    }
    return new Relayed(written.toString(), false);
  }

  private Step close() {
    closed = true;
    try {
      return session.close(sessions.now());
    } finally {
      sessions.ended(session);
    }
  }

  private Relayed blocked(StringBuilder written) {
    written.append(OpenAiWire.event(OpenAiWire.contentFilterChunk(last)));
    written.append(OpenAiWire.DONE);
    return new Relayed(written.toString(), true);
  }

  private void upstreamEnded() {
    if (finished) {
      return;
    }
    if (closed) {
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
              try {
                return session.abort(note);
              } finally {
                sessions.ended(session);
              }
            })
        .onFailure(
            e ->
                org.jboss.logging.Logger.getLogger(StreamRelay.class)
                    .warn("a broken-off stream could not be recorded", e));
  }
}
