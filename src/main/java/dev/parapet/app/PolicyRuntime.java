package dev.parapet.app;

import dev.parapet.check.PolicyTests;
import dev.parapet.model.InvalidPolicyException;
import dev.parapet.model.SourceProblem;
import dev.parapet.policy.Policy;
import dev.parapet.policy.PolicyHolder;
import dev.parapet.policy.PolicyLoader;
import dev.parapet.policy.PolicyTestRunner;
import dev.parapet.policy.PolicyVersions;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  private final PolicyVersions versions;

  /** The policy tests of each shadow candidate loaded last, by the candidate's version. */
  private volatile Map<String, PolicyTestRunner.Report> candidateTests = Map.of();

  public PolicyRuntime(ParapetConfig config, MeterRegistry metrics) {
    this.config = config;
    this.metrics = metrics;
    this.versions =
        new PolicyVersions(
            Path.of(config.dataDir()).resolve("policy-versions"),
            config.audit().node().filter(n -> !n.isBlank()).orElseGet(PolicyRuntime::hostName),
            Clock.systemUTC());
    this.holder =
        new PolicyHolder(
            () ->
                PolicyLoader.load(rulesDir(), lexiconsDir(), Clock.systemUTC(), lexiconIndexDir()),
            this::testWithCandidates,
            new Logged());
  }

  @PostConstruct
  void loadOnStart() {
    PolicyHolder.ReloadOutcome outcome = reload();
    if (!outcome.ok()) {
      LOG.error("no policy loaded: checks answer 503 until the policy is fixed and reloaded");
    }
  }

  void stop(@Observes ShutdownEvent event) {
    try {
      versions.stillServing();
    } catch (IOException e) {
      LOG.warnf("policy version registry: cannot record the last served time: %s", e.getMessage());
    }
  }

  /**
   * Runs the policy's own tests, then each shadow candidate's from its own rules directory: a
   * candidate is tested like the live policy, and a failure of either keeps the old version.
   */
  private PolicyTestRunner.Report testWithCandidates(Policy next) {
    PolicyTestRunner.Report live = PolicyTests.run(next, rulesDir());
    List<SourceProblem> failures = new ArrayList<>(live.failures());
    int cases = live.cases();
    Map<String, PolicyTestRunner.Report> byCandidate = new HashMap<>();
    for (Map.Entry<String, Policy> shadow : next.shadows().entrySet()) {
      Policy candidate = shadow.getValue();
      PolicyTestRunner.Report report = PolicyTests.run(candidate, candidate.rulesDir());
      byCandidate.put(candidate.version(), report);
      cases += report.cases();
      String label = "shadow " + next.profiles().get(shadow.getKey()).shadow() + ": ";
      for (SourceProblem p : report.failures()) {
        failures.add(new SourceProblem(label + p.file(), p.line(), p.message()));
      }
    }
    candidateTests = Map.copyOf(byCandidate);
    return new PolicyTestRunner.Report(cases, failures);
  }

  /** How a shadow candidate's own policy tests went when it was loaded, if it was. */
  public Optional<PolicyTestRunner.Report> candidateTests(String candidateVersion) {
    return Optional.ofNullable(candidateTests.get(candidateVersion));
  }

  /** The rules and lexicons directories of the serving version's shadow candidates. */
  public List<Path> candidateDirectories() {
    Policy policy = current();
    List<Path> dirs = new ArrayList<>();
    if (policy != null) {
      for (Policy candidate : policy.shadows().values()) {
        dirs.add(candidate.rulesDir());
        dirs.add(candidate.lexiconsDir());
      }
    }
    return dirs;
  }

  /** Every policy version served, with its files: what an audit record's policyVersion names. */
  public PolicyVersions versions() {
    return versions;
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

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "node-1";
    }
  }

  private final class Logged implements PolicyHolder.Listener {

    @Override
    public void loaded(
        Policy next, PolicyTestRunner.Report tests, PolicyHolder.ReloadOutcome outcome) {
      metrics.counter("parapet.policy.reloads", "outcome", "success").increment();
      next.warnings().forEach(w -> LOG.warnf("policy warning %s", w));
      try {
        versions.serving(next);
      } catch (IOException | RuntimeException e) {
        // the registry is evidence, not a condition of serving: a full disk must not stop checks
        LOG.errorf("policy version registry: cannot record %s: %s", next.version(), e.toString());
      }
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
