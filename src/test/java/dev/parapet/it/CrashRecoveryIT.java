package dev.parapet.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** SIGKILL in the middle of a load: every check answered 200 before the kill has its record. */
class CrashRecoveryIT {

  @Test
  void everyAnsweredCheckSurvivesAKill() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "crash-it");
    ServiceProcess service = ServiceProcess.start(data, Map.of());
    AtomicBoolean stop = new AtomicBoolean();
    CompletableFuture<LoadDriver.Result> load =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new LoadDriver(service).run(8, Duration.ofSeconds(30), stop);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(4000);
    service.kill();
    stop.set(true);
    LoadDriver.Result result = load.get();
    Set<String> answered = new HashSet<>(result.auditIds);
    assertThat(answered).as("checks answered 200 before the kill").hasSizeGreaterThan(100);

    try (ServiceProcess restarted = ServiceProcess.start(data, Map.of())) {
      AuditClient audit = new AuditClient(restarted);
      Set<String> recorded = audit.auditIds();
      assertThat(recorded).containsAll(answered);
      assertThat(audit.verify().path("ok").asBoolean())
          .as("chain after the crash: %s", audit.verify())
          .isTrue();
      System.err.printf(
          java.util.Locale.ROOT,
          "CRASH-IT: %d answered before SIGKILL, %d records after restart, chain verifies%n",
          answered.size(),
          recorded.size());
    }
  }
}
