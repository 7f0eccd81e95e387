package dev.parapet.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Checks per second over HTTP with the audit trail synchronous or off, on the embedded store and on
 * PostgreSQL, against the packaged service (build it first with {@code mvn -B -DskipTests package}):
 *
 * <pre>
 * mvn -Pbench test-compile exec:exec -Dbench.main=dev.parapet.it.AuditThroughput
 * </pre>
 */
public final class AuditThroughput {

  private AuditThroughput() {}

  private static void measure(String label, Map<String, String> env) throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "bench-it");
    try (ServiceProcess service = ServiceProcess.start(data, env)) {
      LoadDriver driver = new LoadDriver(service);
      driver.run(16, Duration.ofSeconds(5), new AtomicBoolean()); // warm-up
      LoadDriver.Result result = driver.run(16, Duration.ofSeconds(20), new AtomicBoolean());
      System.err.println("BENCH " + label + ": " + result.summary());
    }
  }

  public static void main(String[] args) throws Exception {
    measure("embedded, audit sync", Map.of("PARAPET_AUDIT_MODE", "sync"));
    measure("embedded, audit off", Map.of("PARAPET_AUDIT_MODE", "off"));
    try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
      String url = pg.getJdbcUrl("postgres", "postgres");
      measure(
          "postgresql, audit sync",
          Map.of(
              "PARAPET_AUDIT_MODE",
              "sync",
              "QUARKUS_DATASOURCE_JDBC_URL",
              url,
              "QUARKUS_DATASOURCE_USERNAME",
              "postgres"));
      measure(
          "postgresql, audit off",
          Map.of(
              "PARAPET_AUDIT_MODE",
              "off",
              "QUARKUS_DATASOURCE_JDBC_URL",
              url,
              "QUARKUS_DATASOURCE_USERNAME",
              "postgres"));
    }
  }
}
