package dev.parapet.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL, as replicas under Kubernetes: every record once, one chain per
 * node that verifies, the auditors' API on either instance sees all, and a change to the shared
 * rules directory brings both to the same new policy version.
 */
class MultiInstanceIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();

  private String get(ServiceProcess s, String path) throws Exception {
    return client
        .send(
            HttpRequest.newBuilder(s.uri(path)).header("X-API-Key", ServiceProcess.KEY).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static void copy(Path from, Path to) throws Exception {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  @Test
  void twoInstancesShareOneStoreAndOnePolicy() throws Exception {
    Path root = Files.createTempDirectory(Path.of("target"), "multi-it");
    copy(Path.of("rules"), root.resolve("rules"));
    copy(Path.of("lexicons"), root.resolve("lexicons"));
    try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
      Map<String, String> shared =
          Map.of(
              "QUARKUS_DATASOURCE_JDBC_URL",
              pg.getJdbcUrl("postgres", "postgres"),
              "QUARKUS_DATASOURCE_USERNAME",
              "postgres",
              "PARAPET_AUDIT_HMAC_KEY",
              "shared-hmac-key-for-the-replicas",
              "PARAPET_RULES_DIR",
              root.resolve("rules").toString(),
              "PARAPET_LEXICONS_DIR",
              root.resolve("lexicons").toString(),
              "PARAPET_RELOAD_DEBOUNCE_MS",
              "300");
      try (ServiceProcess a =
              ServiceProcess.start(
                  root.resolve("a"), with(shared, "PARAPET_AUDIT_NODE", "node-a"));
          ServiceProcess b =
              ServiceProcess.start(
                  root.resolve("b"), with(shared, "PARAPET_AUDIT_NODE", "node-b"))) {
        LoadDriver.Result ra = new LoadDriver(a).run(4, Duration.ofSeconds(8), new AtomicBoolean());
        LoadDriver.Result rb = new LoadDriver(b).run(4, Duration.ofSeconds(8), new AtomicBoolean());
        long answered = ra.count(200) + rb.count(200);
        Set<String> ids = new HashSet<>(ra.auditIds);
        ids.addAll(rb.auditIds);
        assertThat(ids).hasSize((int) answered);

        for (ServiceProcess s : new ServiceProcess[] {a, b}) {
          AuditClient audit = new AuditClient(s);
          assertThat(audit.records()).isEqualTo(answered);
          assertThat(audit.auditIds()).isEqualTo(ids);
          JsonNode verify = audit.verify();
          assertThat(verify.path("ok").asBoolean()).as(verify.toString()).isTrue();
          assertThat(verify.path("checked").asLong()).isEqualTo(answered);
        }
        Set<String> nodes = new AuditClient(b).nodes();
        assertThat(nodes).containsExactlyInAnyOrder("node-a", "node-b");

        String before = JSON.readTree(get(a, "/v1/policies")).path("version").asText();
        assertThat(JSON.readTree(get(b, "/v1/policies")).path("version").asText())
            .isEqualTo(before);
        Files.writeString(
            root.resolve("lexicons/profanity-en.txt"), "\nfrobnicate\n", StandardOpenOption.APPEND);
        String va = before;
        String vb = before;
        for (int i = 0; i < 100 && (va.equals(before) || vb.equals(before)); i++) {
          Thread.sleep(200);
          va = JSON.readTree(get(a, "/v1/policies")).path("version").asText();
          vb = JSON.readTree(get(b, "/v1/policies")).path("version").asText();
        }
        assertThat(va).isNotEqualTo(before).isEqualTo(vb);
        System.err.printf(
            java.util.Locale.ROOT,
            "MULTI-IT: 2 instances, %d checks answered, %d records, chains of nodes %s verified, policy %s -> %s on both%n",
            answered,
            ids.size(),
            nodes,
            before.substring(0, 19),
            va.substring(0, 19));
      }
    }
  }

  private static Map<String, String> with(Map<String, String> base, String key, String value) {
    java.util.HashMap<String, String> out = new java.util.HashMap<>(base);
    out.put(key, value);
    return out;
  }
}
