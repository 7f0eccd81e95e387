package dev.parapet.bench;

import dev.parapet.model.Action;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Exemption;
import dev.parapet.model.Finding;
import dev.parapet.model.TierOutcome;
import dev.parapet.policy.Policy;
import dev.parapet.policy.PolicyLoader;
import dev.parapet.policy.Profile;
import dev.parapet.policy.TierRules;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Drools evaluation ({@link Policy#evaluate}: every tier of the profile, one stateless session
 * each) against a generated policy of 198 rules in three tiers, of which seven fire on the
 * findings; and what compiling that policy costs. Run: {@code mvn -Pbench test-compile exec:exec
 * -Djmh.args=RulesBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
// Outside a started Quarkus application the logging set up by quarkus-bootstrap keeps the root
// logger at ALL, buffering every record until a runtime configuration that never comes: Drools'
// trace logging (formatting facts and fact handles on every insert, link and firing) then tripled
// an evaluation. INFO, like a running service with the default quarkus.log.level.
@Fork(
    value = 1,
    jvmArgs = {"-Xmx1g", "-Dlogging.initial-configurator.min-level=INFO"})
public class RulesBenchmark {

  private Path root;
  private Policy policy;
  private Profile profile;
  private CheckContext context;
  private List<Finding> none;
  private List<Finding> five;
  private List<Finding> fifty;

  @Setup
  public void setUp() {
    root = SyntheticPolicy.write();
    policy = load();
    profile = policy.defaultProfile();
    context = SyntheticPolicy.context();
    none = SyntheticPolicy.findings(0);
    five = SyntheticPolicy.findings(5);
    fifty = SyntheticPolicy.findings(50);
    int rules = policy.tiers().values().stream().mapToInt(t -> t.ruleIds().size()).sum();
    check(rules >= 190 && rules <= 210, "expected about 200 rules, got " + rules);
    check(fired(none).isEmpty(), "no rule should fire without findings: " + fired(none));
    check(
        fired(five).equals(new TreeSet<>(SyntheticPolicy.FIRING)),
        "rules fired on 5 findings: " + fired(five));
    check(
        fired(fifty).equals(new TreeSet<>(SyntheticPolicy.FIRING)),
        "rules fired on 50 findings: " + fired(fifty));
    System.out.printf(
        "%n# %d rules in tiers %s; %d fire on 5 and on 50 findings%n",
        rules,
        policy.tiers().keySet().stream().map(t -> t + "=" + size(policy.tiers().get(t))).toList(),
        SyntheticPolicy.FIRING.size());
  }

  @TearDown
  public void tearDown() {
    SyntheticPolicy.delete(root);
  }

  @Benchmark
  public List<TierOutcome> evaluate0Findings() {
    return policy.evaluate(profile, context, none);
  }

  @Benchmark
  public List<TierOutcome> evaluate5Findings() {
    return policy.evaluate(profile, context, five);
  }

  @Benchmark
  public List<TierOutcome> evaluate50Findings() {
    return policy.evaluate(profile, context, fifty);
  }

  /** Load the whole policy: compile three tiers, build the (starter-less) detectors, digest. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3)
  @Measurement(iterations = 10)
  public Policy compile200Rules() {
    return load();
  }

  private Policy load() {
    return PolicyLoader.load(root.resolve("rules"), root.resolve("lexicons"));
  }

  private TreeSet<String> fired(List<Finding> findings) {
    TreeSet<String> ids = new TreeSet<>();
    for (TierOutcome outcome : policy.evaluate(profile, context, findings)) {
      check(outcome.errors().isEmpty(), "rule errors: " + outcome.errors());
      outcome.actions().stream().map(Action::ruleId).forEach(ids::add);
      outcome.exemptions().stream().map(Exemption::ruleId).forEach(ids::add);
    }
    return ids;
  }

  private static int size(TierRules tier) {
    return tier.ruleIds().size();
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }
}
