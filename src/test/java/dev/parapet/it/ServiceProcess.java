package dev.parapet.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The packaged service, started as its own process the way an operator runs it. */
final class ServiceProcess implements AutoCloseable {

  static final String KEY = "it-admin-key";

  private final Process process;
  final int port;
  final Path dataDir;

  private ServiceProcess(Process process, int port, Path dataDir) {
    this.process = process;
    this.port = port;
    this.dataDir = dataDir;
  }

  static ServiceProcess start(Path dataDir, Map<String, String> extraEnv) throws Exception {
    Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException("package the service first: " + jar + " is missing");
    }
    Files.createDirectories(dataDir);
    Path keys = dataDir.resolve("it-keys.yaml");
    Files.writeString(
        keys,
        "keys:\n  - id: it\n    sha256: "
            + HexFormat.of()
                .formatHex(
                    MessageDigest.getInstance("SHA-256")
                        .digest(KEY.getBytes(StandardCharsets.UTF_8)))
            + "\n    roles: [checker, auditor, policy-admin]\n");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder(List.of(javaBin(), "-Xmx1g", "-jar", jar.toString()))
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(dataDir.resolve("service.log").toFile()));
    Map<String, String> env = builder.environment();
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    env.put("PARAPET_DATA_DIR", dataDir.toString());
    env.put("PARAPET_AUTH_KEYS_FILE", keys.toString());
    env.put("PARAPET_AUTH_REQUESTS_PER_SECOND", "0");
    env.put("PARAPET_RELOAD_DEBOUNCE_MS", "0");
    env.putAll(extraEnv);
    ServiceProcess service = new ServiceProcess(builder.start(), port, dataDir);
    service.awaitReady(Duration.ofSeconds(90));
    return service;
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private void awaitReady(Duration limit) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the service exited: see " + dataDir.resolve("service.log"));
      }
      try {
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(uri("/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the service was not ready in " + limit);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** SIGKILL: no shutdown hook, no flush, as a crash or an OOM kill. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
