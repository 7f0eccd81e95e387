package dev.parapet.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.parapet.SuppressForbidden;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A 2 KB answer streamed in 5-token chunks through the packaged gateway, over HTTP on loopback: a
 * model API faked in this JVM writes one server-sent event per chunk at a model's pace and notes
 * when; a client in this JVM notes when each event arrives, through Parapet and, for comparison,
 * straight from the fake. The gateway re-emits one event per upstream event, so event i of one is
 * event i of the other. Reports the latency each chunk gains through the gateway (p50, p99) and the
 * time from the upstream's last byte to the client's. Package first ({@code mvn -DskipTests
 * package}), then: {@code mvn -Pbench test-compile exec:exec
 * -Dbench.main=dev.parapet.it.GatewayStreamBenchmark -Djmh.args=40}.
 */
@SuppressForbidden(reason = "the JDK's own small HTTP server is enough for a fake on loopback")
public final class GatewayStreamBenchmark {

  private static final String[] SENTENCES = {
    "The quarterly report shows revenue grew by eight percent compared with last year.",
    "You can reach the support team at help.desk@example.com if anything is unclear.",
    "Our office in Lyon opens at nine and closes at six on weekdays.",
    "This damn printer jams every time someone prints more than ten pages.",
    "Call +1 415 555 2671 to reschedule the appointment for next Tuesday.",
    "The migration moves every table to the new cluster without downtime.",
    "Remember to rotate the staging credentials before the audit in March.",
    "日本語のテキストも少し含まれています。",
  };

  /** The pause between two chunks of the fake model: 5 tokens every 10 ms. */
  private static final long PACE_MS = 10;

  private static final List<String> CHUNKS = chunks(answer(2048), 5);

  /** When the fake wrote each event of the answer in progress, the last one [DONE]. */
  private static volatile long[] written;

  private GatewayStreamBenchmark() {}

  public static void main(String[] args) throws Exception {
    int answers = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    HttpServer upstream =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.setExecutor(Executors.newCachedThreadPool());
    upstream.createContext("/v1/chat/completions", GatewayStreamBenchmark::stream);
    upstream.start();
    String base = "http://127.0.0.1:" + upstream.getAddress().getPort() + "/v1";
    Path data = Files.createTempDirectory(Path.of("target"), "gateway-bench");
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (ServiceProcess service =
        ServiceProcess.start(
            data,
            Map.of(
                "PARAPET_UPSTREAM_URL", base,
                "PARAPET_UPSTREAM_API_KEY", "sk-bench",
                "PARAPET_AUDIT_MODE", "off"))) {
      URI direct = URI.create(base + "/chat/completions");
      URI gateway = service.uri("/v1/chat/completions");
      for (int i = 0; i < Math.max(5, answers / 4); i++) {
        run(client, gateway, null, null);
        run(client, direct, null, null);
      }
      List<Long> viaGateway = new ArrayList<>();
      List<Long> straight = new ArrayList<>();
      List<Long> lastGateway = new ArrayList<>();
      List<Long> lastStraight = new ArrayList<>();
      for (int i = 0; i < answers; i++) {
        run(client, gateway, viaGateway, lastGateway);
        run(client, direct, straight, lastStraight);
      }
      System.out.printf(
          Locale.ROOT,
          "answer %d bytes in %d chunks of 5 tokens, one every %d ms; %d answers each way;"
              + " audit off%n",
          answer(2048).getBytes(StandardCharsets.UTF_8).length,
          CHUNKS.size(),
          PACE_MS,
          answers);
      report("chunk, upstream write to client read", viaGateway, straight);
      report("upstream's last byte to the client's", lastGateway, lastStraight);
    } finally {
      upstream.stop(0);
    }
  }

  private static void report(String what, List<Long> gateway, List<Long> direct) {
    double g50 = pct(gateway, 50);
    double g99 = pct(gateway, 99);
    double d50 = pct(direct, 50);
    double d99 = pct(direct, 99);
    System.out.printf(
        Locale.ROOT,
        "%s: through Parapet p50 %.3f ms, p99 %.3f ms; direct p50 %.3f ms, p99 %.3f ms;"
            + " added p50 %.3f ms, p99 %.3f ms%n",
        what,
        g50,
        g99,
        d50,
        d99,
        g50 - d50,
        g99 - d99);
  }

  /** One streamed answer read through {@code uri}, each event's delay noted. */
  private static void run(HttpClient client, URI uri, List<Long> perChunk, List<Long> last)
      throws IOException, InterruptedException {
    written = new long[CHUNKS.size() + 2];
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .header("X-API-Key", ServiceProcess.KEY)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"model\":\"fake\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Tell me more\"}]}"))
            .build();
    HttpResponse<InputStream> response =
        client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(uri + " answered " + response.statusCode());
    }
    List<Long> arrived = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("data:")) {
          arrived.add(System.nanoTime());
        }
      }
    }
    if (perChunk == null) {
      return;
    }
    int events = Math.min(arrived.size(), written.length);
    for (int i = 0; i < events - 1; i++) {
      perChunk.add(arrived.get(i) - written[i]);
    }
    last.add(arrived.get(arrived.size() - 1) - written[written.length - 1]);
  }

  /** The fake model: a role event, one event per chunk at the model's pace, a finish, [DONE]. */
  private static void stream(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    long[] at = written;
    try (OutputStream out = exchange.getResponseBody()) {
      write(out, event("{\"role\":\"assistant\",\"content\":\"\"}", "null"), at, 0);
      for (int i = 0; i < CHUNKS.size(); i++) {
        sleep();
        write(out, event("{\"content\":" + quote(CHUNKS.get(i)) + "}", "null"), at, i + 1);
      }
      write(out, event("{}", "\"stop\""), at, CHUNKS.size() + 1);
      out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      at[at.length - 1] = System.nanoTime();
    }
  }

  private static void write(OutputStream out, String event, long[] at, int i) throws IOException {
    out.write(event.getBytes(StandardCharsets.UTF_8));
    out.flush();
    if (i < at.length - 1) {
      at[i] = System.nanoTime();
    }
  }

  private static String event(String delta, String finish) {
    return "data: {\"id\":\"chatcmpl-b\",\"object\":\"chat.completion.chunk\",\"created\":1,"
        + "\"model\":\"fake\",\"choices\":[{\"index\":0,\"delta\":"
        + delta
        + ",\"finish_reason\":"
        + finish
        + "}]}\n\n";
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static void sleep() {
    try {
      TimeUnit.MILLISECONDS.sleep(PACE_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String answer(int bytes) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; b.toString().getBytes(StandardCharsets.UTF_8).length < bytes; i++) {
      b.append(SENTENCES[i % SENTENCES.length]).append(' ');
    }
    return b.toString();
  }

  /** Chunks of {@code tokens} whitespace-separated tokens, each with the space after it. */
  private static List<String> chunks(String text, int tokens) {
    List<String> out = new ArrayList<>();
    String[] words = text.split("(?<= )");
    for (int i = 0; i < words.length; i += tokens) {
      out.add(String.join("", Arrays.copyOfRange(words, i, Math.min(words.length, i + tokens))));
    }
    return out;
  }

  private static double pct(List<Long> nanos, int p) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    int at = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, at)] / 1_000_000.0;
  }
}
