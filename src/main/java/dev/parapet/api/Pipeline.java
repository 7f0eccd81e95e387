package dev.parapet.api;

import dev.parapet.check.CheckService;
import dev.parapet.check.DecisionLog;
import dev.parapet.text.Normalizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
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
  CheckService checkService(PolicyRuntime policy, ParapetConfig config, DecisionLog log) {
    byte[] key =
        config
            .redaction()
            .hashKey()
            .map(k -> k.getBytes(StandardCharsets.UTF_8))
            .orElseGet(Pipeline::randomKey);
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
  DecisionLog decisionLog() {
    return DecisionLog.discarding();
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
