package dev.parapet.policy;

import dev.parapet.model.InvalidPolicyException;
import dev.parapet.model.SourceProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Holds the policy version that serves requests. A reload builds the next version beside it (rule
 * bases, lexicon index, detectors) and runs its policy tests; only when all of that passes does one
 * reference swap, so requests in flight finish on the version they started with.
 */
public final class PolicyHolder {

  /** How the last load or reload went, as {@code GET /v1/policies} reports it. */
  public record ReloadOutcome(
      boolean ok, Instant at, double tookMs, String version, List<SourceProblem> problems) {}

  /** Told how each reload went, for logs and metrics. */
  public interface Listener {

    void loaded(Policy next, PolicyTestRunner.Report tests, ReloadOutcome outcome);

    void rejected(InvalidPolicyException problems, Policy serving, ReloadOutcome outcome);
  }

  private final Supplier<Policy> loader;
  private final Function<Policy, PolicyTestRunner.Report> tests;
  private final Listener listener;
  private final AtomicReference<Policy> current = new AtomicReference<>();
  private volatile ReloadOutcome last;

  /**
   * @param loader builds a version from the files, or throws {@link InvalidPolicyException}
   * @param tests runs a built version's own policy tests
   */
  public PolicyHolder(
      Supplier<Policy> loader, Function<Policy, PolicyTestRunner.Report> tests, Listener listener) {
    this.loader = loader;
    this.tests = tests;
    this.listener = listener;
  }

  /** The serving policy version, or null while none is loaded. */
  public Policy current() {
    return current.get();
  }

  /** How the last reload went, or null before the first. */
  public ReloadOutcome lastReload() {
    return last;
  }

  /** Builds, tests and swaps in a new version; on any problem the old one keeps serving. */
  public synchronized ReloadOutcome reload() {
    long started = System.nanoTime();
    Instant at = Instant.now();
    ReloadOutcome outcome;
    try {
      Policy next = loader.get();
      PolicyTestRunner.Report report = tests.apply(next);
      if (!report.passed()) {
        throw new InvalidPolicyException(report.failures());
      }
      current.set(next);
      outcome = new ReloadOutcome(true, at, millis(started), next.version(), List.of());
      last = outcome;
      listener.loaded(next, report, outcome);
    } catch (InvalidPolicyException e) {
      Policy serving = current.get();
      outcome =
          new ReloadOutcome(
              false, at, millis(started), serving == null ? null : serving.version(), e.problems());
      last = outcome;
      listener.rejected(e, serving, outcome);
    }
    return outcome;
  }

  private static double millis(long started) {
    return Duration.ofNanos(System.nanoTime() - started).toNanos() / 1_000_000.0;
  }
}
