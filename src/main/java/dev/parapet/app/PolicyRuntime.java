package dev.parapet.app;

import dev.parapet.check.PolicyTests;
import dev.parapet.model.InvalidPolicyException;
import dev.parapet.policy.Policy;
import dev.parapet.policy.PolicyHolder;
import dev.parapet.policy.PolicyLoader;
import dev.parapet.policy.PolicyTestRunner;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Hosts the {@link PolicyHolder} as a bean: loads the policy on start-up, and counts and logs each
 * reload. Loading, testing and swapping are the holder's.
 */
@Startup
@ApplicationScoped
public class PolicyRuntime {

  private static final Logger LOG = Logger.getLogger(PolicyRuntime.class);

  private final ParapetConfig config;
  private final MeterRegistry metrics;
  private final PolicyHolder holder;

  public PolicyRuntime(ParapetConfig config, MeterRegistry metrics) {
    this.config = config;
    this.metrics = metrics;
    this.holder =
        new PolicyHolder(
            () ->
                PolicyLoader.load(rulesDir(), lexiconsDir(), Clock.systemUTC(), lexiconIndexDir()),
            next -> PolicyTests.run(next, rulesDir()),
            new Logged());
  }

  @PostConstruct
  void loadOnStart() {
    PolicyHolder.ReloadOutcome outcome = reload();
    if (!outcome.ok()) {
      LOG.error("no policy loaded: checks answer 503 until the policy is fixed and reloaded");
    }
  }

  /** The serving policy version, or null while none is loaded. */
  public Policy current() {
    return holder.current();
  }

  public PolicyHolder.ReloadOutcome lastReload() {
    return holder.lastReload();
  }

  /** Builds, tests and swaps in a new version; on any problem the old one keeps serving. */
  public PolicyHolder.ReloadOutcome reload() {
    return holder.reload();
  }

  public Path rulesDir() {
    return Path.of(config.rulesDir());
  }

  public Path lexiconsDir() {
    return Path.of(config.lexiconsDir());
  }

  /** Where prebuilt lexicon indexes are kept, or null when that cache is off. */
  Path lexiconIndexDir() {
    String dir = config.lexiconIndexDir().strip();
    return dir.isEmpty() || dir.equalsIgnoreCase("off") ? null : Path.of(dir);
  }

  private final class Logged implements PolicyHolder.Listener {

    @Override
    public void loaded(
        Policy next, PolicyTestRunner.Report tests, PolicyHolder.ReloadOutcome outcome) {
      metrics.counter("parapet.policy.reloads", "outcome", "success").increment();
      LOG.infof(
          "policy %s loaded from %s and %s (%d policy tests passed) in %.0f ms",
          next.version(), rulesDir(), lexiconsDir(), tests.cases(), outcome.tookMs());
    }

    @Override
    public void rejected(
        InvalidPolicyException e, Policy serving, PolicyHolder.ReloadOutcome outcome) {
      metrics.counter("parapet.policy.reloads", "outcome", "failure").increment();
      e.problems().forEach(p -> LOG.errorf("policy problem %s", p));
      LOG.errorf(
          "policy reload failed with %d problem(s); still serving %s",
          e.problems().size(), serving == null ? "nothing" : serving.version());
    }
  }
}
