package dev.parapet.api;

import dev.parapet.check.PolicyTests;
import dev.parapet.model.InvalidPolicyException;
import dev.parapet.model.SourceProblem;
import dev.parapet.policy.Policy;
import dev.parapet.policy.PolicyLoader;
import dev.parapet.policy.PolicyTestRunner;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Holds the policy version that serves requests. A reload builds the next version beside it (rule
 * bases, lexicon index, detectors) and runs its policy tests; only when all of that passes does one
 * reference swap, so requests in flight finish on the version they started with.
 */
@Startup
@ApplicationScoped
public class PolicyRuntime {

  private static final Logger LOG = Logger.getLogger(PolicyRuntime.class);

  /** How the last load or reload went, as {@code GET /v1/policies} reports it. */
  public record ReloadOutcome(
      boolean ok, Instant at, double tookMs, String version, List<SourceProblem> problems) {}

  private final ParapetConfig config;
  private final MeterRegistry metrics;
  private final AtomicReference<Policy> current = new AtomicReference<>();
  private volatile ReloadOutcome last;

  public PolicyRuntime(ParapetConfig config, MeterRegistry metrics) {
    this.config = config;
    this.metrics = metrics;
  }

  @PostConstruct
  void loadOnStart() {
    ReloadOutcome outcome = reload();
    if (!outcome.ok()) {
      LOG.error("no policy loaded: checks answer 503 until the policy is fixed and reloaded");
    }
  }

  /** The serving policy version, or null while none is loaded. */
  public Policy current() {
    return current.get();
  }

  public ReloadOutcome lastReload() {
    return last;
  }

  /** Builds, tests and swaps in a new version; on any problem the old one keeps serving. */
  public synchronized ReloadOutcome reload() {
    long started = System.nanoTime();
    Instant at = Instant.now();
    ReloadOutcome outcome;
    try {
      Policy next =
          PolicyLoader.load(rulesDir(), lexiconsDir(), Clock.systemUTC(), lexiconIndexDir());
      PolicyTestRunner.Report tests = PolicyTests.run(next, rulesDir());
      if (!tests.passed()) {
        throw new InvalidPolicyException(tests.failures());
      }
      current.set(next);
      outcome = new ReloadOutcome(true, at, millis(started), next.version(), List.of());
      metrics.counter("parapet.policy.reloads", "outcome", "success").increment();
      LOG.infof(
          "policy %s loaded from %s and %s (%d policy tests passed) in %.0f ms",
          next.version(), rulesDir(), lexiconsDir(), tests.cases(), outcome.tookMs());
    } catch (InvalidPolicyException e) {
      Policy serving = current.get();
      outcome =
          new ReloadOutcome(
              false, at, millis(started), serving == null ? null : serving.version(), e.problems());
      metrics.counter("parapet.policy.reloads", "outcome", "failure").increment();
      e.problems().forEach(p -> LOG.errorf("policy problem %s", p));
      LOG.errorf(
          "policy reload failed with %d problem(s); still serving %s",
          e.problems().size(), serving == null ? "nothing" : serving.version());
    }
    last = outcome;
    return outcome;
  }

  private static double millis(long started) {
    return Duration.ofNanos(System.nanoTime() - started).toNanos() / 1_000_000.0;
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
}
