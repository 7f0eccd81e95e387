package dev.parapet.stream;

import dev.parapet.check.CheckRequest;
import dev.parapet.check.CheckService;
import dev.parapet.check.DecisionLog;
import dev.parapet.model.Stage;
import dev.parapet.policy.Policy;
import dev.parapet.policy.PolicyLoader;
import dev.parapet.text.Normalizer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;

/** The shipped starter policy in a plain check service, and stream sessions judged by it. */
final class StarterPolicy {

  static final Policy POLICY = PolicyLoader.load(Path.of("rules"), Path.of("lexicons"));
  static final CheckService SERVICE =
      new CheckService(
          () -> POLICY,
          new Normalizer(),
          DecisionLog.discarding(),
          new byte[32],
          Clock.systemUTC(),
          Duration.ofSeconds(10),
          Executors.newSingleThreadExecutor());

  private StarterPolicy() {}

  static CheckRequest answer(String text) {
    return new CheckRequest(text, Stage.OUTPUT, null, "", null, Map.of(), false);
  }

  static Judge judge() {
    return (text, record, note) -> SERVICE.judge(answer(text), record, note);
  }
}
