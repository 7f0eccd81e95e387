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
    return new CheckService(policy::current, new Normalizer(), log, key, Clock.systemUTC());
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
