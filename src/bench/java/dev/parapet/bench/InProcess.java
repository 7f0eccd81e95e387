package dev.parapet.bench;

import dev.parapet.check.CheckService;
import dev.parapet.check.DecisionLog;
import dev.parapet.policy.Policy;
import dev.parapet.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/** The check pipeline as the benchmarks run it: a fixed policy, no audit log, a fixed key. */
final class InProcess {

  private InProcess() {}

  static CheckService service(Policy policy, Duration budget, ExecutorService longTexts) {
    return new CheckService(
        () -> policy,
        new Normalizer(),
        DecisionLog.discarding(),
        new byte[32],
        Clock.systemUTC(),
        budget,
        longTexts);
  }
}
