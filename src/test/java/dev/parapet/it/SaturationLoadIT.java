package dev.parapet.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Drives the packaged service at saturation from this (second) process for {@code
 * parapet.load.seconds} (60 by default): no 5xx, and as many new audit records as 200s.
 */
class SaturationLoadIT {

  @Test
  void saturationLosesNothing() throws Exception {
    long seconds = Long.getLong("parapet.load.seconds", 60);
    Path data = Files.createTempDirectory(Path.of("target"), "load-it");
    try (ServiceProcess service = ServiceProcess.start(data, Map.of())) {
      AuditClient audit = new AuditClient(service);
      long before = audit.records();
      LoadDriver.Result result =
          new LoadDriver(service).run(16, Duration.ofSeconds(seconds), new AtomicBoolean());
      long after = audit.records();
      System.err.println(
          "LOAD-IT: " + result.summary() + ", audit records " + before + " -> " + after);
      assertThat(result.serverErrors()).isZero();
      assertThat(result.transportErrors.sum()).isZero();
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
