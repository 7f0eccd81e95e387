package dev.parapet.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.parapet.SuppressForbidden;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A model API on loopback that speaks chat completions, JSON and server-sent events, with the
 * answer a test scripts: its pieces become SSE events, each written in two network writes cut
 * inside a UTF-8 sequence where one is, so words, characters and terms split across events and
 * reads alike.
 */
@SuppressForbidden(reason = "the JDK's own small HTTP server is enough for a fake on loopback")
public class FakeUpstream implements QuarkusTestResourceLifecycleManager {

  /** How the upstream behaves for the next calls. */
  enum Mode {
    ANSWER,
    ERROR_500,
    HANG,
    CLOSE_MID_STREAM,
    SLOW_STREAM
  }

  static volatile Mode mode = Mode.ANSWER;
  static volatile List<String> pieces = List.of("Hello there.");

  /** When set, the answer also calls this tool with these arguments, streamed in these pieces. */
  static volatile String toolName;

  static volatile List<String> toolArguments = List.of();

  /** When set, one answer per choice (the request's {@code n}), streamed interleaved. */
  static volatile List<List<String>> choices;

  static volatile String lastBody = "";
  static volatile String lastAuthorization;
  static volatile CountDownLatch clientWentAway = new CountDownLatch(1);

  private HttpServer server;

  static void answer(String... parts) {
    mode = Mode.ANSWER;
    pieces = List.of(parts);
    toolName = null;
    toolArguments = List.of();
    choices = null;
  }

  /** An answer that calls {@code name}, its arguments streamed in {@code parts}. */
  static void callTool(String name, String... parts) {
    answer();
    toolName = name;
    toolArguments = List.of(parts);
  }

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
    return Map.of(
        "parapet.stream.upstream-url",
        "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
        "parapet.stream.upstream-api-key",
        "sk-upstream-test",
        "parapet.stream.upstream-timeout",
        "2s");
  }

  @Override
  public void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    lastBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
    boolean stream = lastBody.replace(" ", "").contains("\"stream\":true");
    switch (mode) {
      case ERROR_500 -> {
        byte[] body = "{\"error\":{\"message\":\"boom\"}}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(500, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      }
      case HANG -> {
        sleep(5000);
        exchange.close();
      }
      default -> {
        if (stream) {
          stream(exchange);
        } else {
          whole(exchange);
        }
      }
    }
  }

  private static void whole(HttpExchange exchange) throws IOException {
    String content = String.join("", pieces);
    String calls =
        toolName == null
            ? ""
            : ",\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":"
                + quote(toolName)
                + ",\"arguments\":"
                + quote(String.join("", toolArguments))
                + "}}]";
    String body =
        "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"fake\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
            + (content.isEmpty() && toolName != null ? "null" : quote(content))
            + calls
            + "},\"finish_reason\":"
            + (toolName == null ? "\"stop\"" : "\"tool_calls\"")
            + "}],"
            + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static void stream(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    try {
      if (choices != null) {
        interleaved(out, choices);
        write(out, "data: [DONE]\n\n");
        exchange.close();
        return;
      }
      write(out, chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
      List<String> parts = pieces;
      for (int i = 0; i < parts.size(); i++) {
        if (mode == Mode.CLOSE_MID_STREAM && i == parts.size() / 2) {
          exchange.close();
          return;
        }
        write(out, chunk("{\"content\":" + quote(parts.get(i)) + "}", null));
        if (mode == Mode.SLOW_STREAM) {
          sleep(100);
        }
      }
      if (toolName != null) {
        write(
            out,
            chunk(
                "{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
                    + "\"function\":{\"name\":"
                    + quote(toolName)
                    + ",\"arguments\":\"\"}}]}",
                null));
        for (String part : toolArguments) {
          write(
              out,
              chunk(
                  "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
                      + quote(part)
                      + "}}]}",
                  null));
        }
      }
      write(out, chunk("{}", toolName == null ? "\"stop\"" : "\"tool_calls\""));
      write(out, "data: [DONE]\n\n");
    } catch (IOException e) {
      clientWentAway.countDown();
    }
    exchange.close();
  }

  /** Each choice's pieces, one event per choice in turn, then each choice's finish. */
  private static void interleaved(OutputStream out, List<List<String>> answers) throws IOException {
    int longest = answers.stream().mapToInt(List::size).max().orElse(0);
    for (int i = 0; i < longest; i++) {
      for (int k = 0; k < answers.size(); k++) {
        if (i < answers.get(k).size()) {
          write(out, chunk(k, "{\"content\":" + quote(answers.get(k).get(i)) + "}", null));
        }
      }
    }
    for (int k = 0; k < answers.size(); k++) {
      write(out, chunk(k, "{}", "\"stop\""));
    }
  }

  private static String chunk(String delta, String finish) {
    return chunk(0, delta, finish);
  }

  private static String chunk(int index, String delta, String finish) {
    return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
        + "\"model\":\"fake\",\"choices\":[{\"index\":"
        + index
        + ",\"delta\":"
        + delta
        + ",\"finish_reason\":"
        + (finish == null ? "null" : finish)
        + "}]}\n\n";
  }

  /** One event in two writes, cut in the middle of a multi-byte character when it has one. */
  private static void write(OutputStream out, String event) throws IOException {
    byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
    int cut = bytes.length / 2;
    for (int i = 0; i < bytes.length; i++) {
      if ((bytes[i] & 0xC0) == 0x80) {
        cut = i; // a continuation byte: the cut falls inside a character
        break;
      }
    }
    out.write(bytes, 0, cut);
    out.flush();
    sleep(2);
    out.write(bytes, cut, bytes.length - cut);
    out.flush();
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }

  private static void sleep(long ms) {
    try {
      TimeUnit.MILLISECONDS.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
