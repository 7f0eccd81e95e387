package dev.parapet.it;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop load: requests leave at a fixed rate whether or not earlier ones have answered, so
 * latency includes queueing (no coordinated omission). Against the packaged service:
 *
 * <pre>
 * mvn -Pbench test-compile exec:exec -Dbench.main=dev.parapet.it.FixedRate \
 *     -Dbench.jvm=-Dparapet.rate=900
 * </pre>
 */
public final class FixedRate {

  private FixedRate() {}

  public static void main(String[] args) throws Exception {
    int rate = Integer.getInteger("parapet.rate", 900);
    int seconds = Integer.getInteger("parapet.seconds", 20);
    Path data = Files.createTempDirectory(Path.of("target"), "rate-it");
    try (ServiceProcess service = ServiceProcess.start(data, Map.of())) {
      new LoadDriver(service)
          .run(8, Duration.ofSeconds(5), new java.util.concurrent.atomic.AtomicBoolean());
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .executor(Executors.newFixedThreadPool(32))
              .build();
      List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
      AtomicLong errors = new AtomicLong();
      List<CompletableFuture<?>> inFlight = Collections.synchronizedList(new ArrayList<>());
      ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
      AtomicLong sent = new AtomicLong();
      long total = (long) rate * seconds;
      ticker.scheduleAtFixedRate(
          () -> {
            if (sent.incrementAndGet() > total) {
              return;
            }
            long t0 = System.nanoTime();
            HttpRequest request =
                HttpRequest.newBuilder(service.uri("/v1/check"))
                    .header("Content-Type", "application/json")
                    .header("X-API-Key", ServiceProcess.KEY)
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"text\":\""
                                + LoadDriver.TEXTS[(int) (sent.get() % LoadDriver.TEXTS.length)]
                                + "\"}"))
                    .build();
            inFlight.add(
                client
                    .sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete(
                        (r, e) -> {
                          if (e != null || r.statusCode() != 200) {
                            errors.incrementAndGet();
                          } else {
                            latencies.add((System.nanoTime() - t0) / 1000);
                          }
                        }));
          },
          0,
          1_000_000_000L / rate,
          TimeUnit.NANOSECONDS);
      Thread.sleep(seconds * 1000L + 500);
      ticker.shutdownNow();
      CompletableFuture.allOf(inFlight.toArray(new CompletableFuture<?>[0]))
          .get(60, TimeUnit.SECONDS);
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      System.err.printf(
          java.util.Locale.ROOT,
          "RATE-IT: %d/s for %d s, %d answered, %d errors, p50 %d us, p99 %d us, p99.9 %d us%n",
          rate,
          seconds,
          sorted.size(),
          errors.get(),
          sorted.get(sorted.size() / 2),
          sorted.get((int) (sorted.size() * 0.99)),
          sorted.get((int) (sorted.size() * 0.999)));
    }
  }
}
