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
  static volatile String lastBody = "";
  static volatile String lastAuthorization;
  static volatile CountDownLatch clientWentAway = new CountDownLatch(1);

  private HttpServer server;

  static void answer(String... parts) {
    mode = Mode.ANSWER;
    pieces = List.of(parts);
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
    String body =
        "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"fake\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
            + quote(content)
            + "},\"finish_reason\":\"stop\"}],"
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
      write(out, chunk("{}", "\"stop\""));
      write(out, "data: [DONE]\n\n");
    } catch (IOException e) {
      clientWentAway.countDown();
    }
    exchange.close();
  }

  private static String chunk(String delta, String finish) {
    return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
        + "\"model\":\"fake\",\"choices\":[{\"index\":0,\"delta\":"
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
