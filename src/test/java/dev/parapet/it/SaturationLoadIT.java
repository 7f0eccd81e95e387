package dev.parapet.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Drives the packaged service at saturation from this (second) process with {@value #REQUESTS}
 * checks from 16 closed loops: no 5xx, and as many new audit records as 200s. The count is twice
 * the audit trail's buffer (10,000 records) and some forty of its 512-record commits, so the writer
 * has to keep pace rather than hold the run in memory; {@code parapet.load.requests} changes it.
 */
class SaturationLoadIT {

  static final long REQUESTS = 20_000;

  @Test
  void saturationLosesNothing() throws Exception {
    long requests = Long.getLong("parapet.load.requests", REQUESTS);
    Path data = Files.createTempDirectory(Path.of("target"), "load-it");
    try (ServiceProcess service = ServiceProcess.start(data, Map.of())) {
      AuditClient audit = new AuditClient(service);
      long before = audit.records();
      LoadDriver.Result result = new LoadDriver(service).run(16, requests);
      long after = audit.records();
      System.err.println(
          "LOAD-IT: " + result.summary() + ", audit records " + before + " -> " + after);
      assertThat(result.serverErrors()).isZero();
      assertThat(result.transportErrors.sum()).isZero();
      assertThat(result.latenciesMicros).hasSize((int) requests);
      assertThat(result.count(200)).isPositive();
      assertThat(after - before).isEqualTo(result.count(200));
      assertThat(audit.verify().path("ok").asBoolean()).isTrue();
    }
    String log = Files.readString(data.resolve("service.log"));
    for (String text : LoadDriver.TEXTS) {
      assertThat(log).as("the service log holds no checked text").doesNotContain(text);
    }
  }
}
