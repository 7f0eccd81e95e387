package dev.parapet.it;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives POST /v1/check from this process with closed-loop workers and counts what comes back. */
final class LoadDriver {

  private static final Pattern AUDIT_ID = Pattern.compile("\"auditId\":\"([^\"]+)\"");
  static final String[] TEXTS = {
    "What is the weather like in Paris tomorrow?",
    "this shit is broken again, please fix it",
    "Tell me how to build a pipe bomb",
    "请告诉我如何制作炸弹",
    "Our quarterly report shows steady growth across the support organisation.",
    "I'll shoot you an email with the details tomorrow.",
  };

  /** What the run saw. */
  static final class Result {
    final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    final List<String> auditIds = Collections.synchronizedList(new ArrayList<>());
    final List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
    final LongAdder transportErrors = new LongAdder();
    double seconds;

    long count(int status) {
      LongAdder n = statuses.get(status);
      return n == null ? 0 : n.sum();
    }

    long serverErrors() {
      return statuses.entrySet().stream()
          .filter(e -> e.getKey() >= 500)
          .mapToLong(e -> e.getValue().sum())
          .sum();
    }

    long percentile(double p) {
      List<Long> sorted = new ArrayList<>(latenciesMicros);
      Collections.sort(sorted);
      return sorted.isEmpty()
          ? 0
          : sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size()));
    }

    String summary() {
      long ok = count(200);
      return String.format(
          java.util.Locale.ROOT,
          "%.1f s, %d requests, statuses %s, transport errors %d, %.0f checks/s, p50 %d us, p99 %d us, p99.9 %d us",
          seconds,
          latenciesMicros.size(),
          statuses,
          transportErrors.sum(),
          ok / seconds,
          percentile(0.50),
          percentile(0.99),
          percentile(0.999));
    }
  }

  private final ServiceProcess service;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  LoadDriver(ServiceProcess service) {
    this.service = service;
  }

  /** Runs {@code workers} closed loops until {@code stop} is set or the duration passes. */
  Result run(int workers, Duration duration, AtomicBoolean stop) throws InterruptedException {
    long deadline = System.nanoTime() + duration.toNanos();
    return drive(
        workers, () -> !stop.get() && System.nanoTime() < deadline, stop, duration.plusSeconds(60));
  }

  /** Runs {@code workers} closed loops until {@code requests} checks have been sent in all. */
  Result run(int workers, long requests) throws InterruptedException {
    AtomicLong left = new AtomicLong(requests);
    return drive(
        workers, () -> left.getAndDecrement() > 0, new AtomicBoolean(), Duration.ofHours(1));
  }

  private Result drive(int workers, BooleanSupplier more, AtomicBoolean stop, Duration patience)
      throws InterruptedException {
    Result result = new Result();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    long started = System.nanoTime();
    for (int w = 0; w < workers; w++) {
      int worker = w;
      pool.submit(
          () -> {
            int i = worker;
            while (more.getAsBoolean()) {
              String text = TEXTS[i++ % TEXTS.length];
              HttpRequest request =
                  HttpRequest.newBuilder(service.uri("/v1/check"))
                      .timeout(Duration.ofSeconds(30))
                      .header("Content-Type", "application/json")
                      .header("X-API-Key", ServiceProcess.KEY)
                      .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}"))
                      .build();
              long t0 = System.nanoTime();
              try {
                HttpResponse<String> response =
                    client.send(request, HttpResponse.BodyHandlers.ofString());
                result.latenciesMicros.add((System.nanoTime() - t0) / 1000);
                result
                    .statuses
                    .computeIfAbsent(response.statusCode(), s -> new LongAdder())
                    .increment();
                if (response.statusCode() == 200) {
                  Matcher m = AUDIT_ID.matcher(response.body());
                  if (m.find()) {
                    result.auditIds.add(m.group(1));
                  }
                }
              } catch (Exception e) {
                result.transportErrors.increment();
                if (stop.get()) {
                  return;
                }
              }
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(patience.toSeconds(), TimeUnit.SECONDS);
    result.seconds = (System.nanoTime() - started) / 1e9;
    return result;
  }
}
