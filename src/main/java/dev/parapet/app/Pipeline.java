package dev.parapet.app;

import dev.parapet.check.CheckService;
import dev.parapet.check.DecisionLog;
import dev.parapet.text.Normalizer;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Assembles the plain-Java check pipeline from the configured parts. */
@ApplicationScoped
public class Pipeline {

  @Produces
  @Singleton
  CheckService checkService(
      PolicyRuntime policy, ParapetConfig config, DecisionLog log, AuditRuntime audit) {
    // without a key of its own, the hash operator shares the audit key: stable across replicas
    byte[] key =
        config
            .redaction()
            .hashKey()
            .map(k -> k.getBytes(StandardCharsets.UTF_8))
            .orElseGet(audit::key);
    ParapetConfig.Limits limits = config.limits();
    return new CheckService(
        policy::current,
        new Normalizer(),
        log,
        key,
        Clock.systemUTC(),
        Duration.ofMillis(limits.budgetMs()),
        longTextPool(limits));
  }

  /** Long texts queue here, so a burst of them cannot take the threads short checks run on. */
  private static ExecutorService longTextPool(ParapetConfig.Limits limits) {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(
        limits.longTextThreads(),
        limits.longTextThreads(),
        1,
        TimeUnit.MINUTES,
        new ArrayBlockingQueue<>(limits.longTextQueue()),
        task -> {
          Thread thread = new Thread(task, "parapet-long-text-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        },
        new ThreadPoolExecutor.AbortPolicy());
  }

  @Produces
  @Singleton
  DecisionLog decisionLog(AuditRuntime audit, MeterRegistry metrics) {
    return new AuditedDecisionLog(audit, metrics);
  }
}
