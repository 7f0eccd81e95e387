package dev.parapet.check;

import dev.parapet.model.Finding;
import dev.parapet.model.Stage;
import dev.parapet.policy.Policy;
import dev.parapet.policy.PolicyTestCase;
import dev.parapet.policy.PolicyTestRunner;
import dev.parapet.text.Normalizer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Runs a policy's own {@code *.test.yaml} cases through the real pipeline, with no server. */
public final class PolicyTests {

  private PolicyTests() {}

  public static PolicyTestRunner.Report run(Policy policy, Path rulesDir) {
    return run(policy, rulesDir, false);
  }

  /**
   * @param parallel whether the cases may run on every core (the command line's case: it has the
   *     machine to itself), or one after another on this thread (a serving instance's reload)
   */
  public static PolicyTestRunner.Report run(Policy policy, Path rulesDir, boolean parallel) {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      CheckService service = offline(policy, pool);
      return PolicyTestRunner.run(rulesDir, testCase -> outcome(service, testCase), parallel);
    } finally {
      pool.shutdownNow();
    }
  }

  /** A pipeline on one policy version that records nothing, for tests and evaluations. */
  public static CheckService offline(Policy policy, ExecutorService longTexts) {
    return new CheckService(
        () -> policy,
        new Normalizer(),
        DecisionLog.discarding(),
        new byte[32],
        Clock.systemUTC(),
        Duration.ofSeconds(30),
        longTexts);
  }

  private static PolicyTestCase.Outcome outcome(CheckService service, PolicyTestCase c) {
    Stage stage = Stage.fromWire(c.stage());
    if (stage == null) {
      throw new IllegalArgumentException("unknown stage '" + c.stage() + "'");
    }
    CheckRequest request;
    if (c.conversation() == null) {
      request =
          new CheckRequest(c.text(), stage, c.profile(), c.tenant(), null, c.context(), false);
    } else {
      request =
          CheckRequest.of(
              conversationOf(c, stage), stage, c.profile(), c.tenant(), null, c.context(), false);
    }
    Decision decision = service.evaluate(request);
    return new PolicyTestCase.Outcome(
        decision.verdict().wireName(),
        decision.rules().stream().map(RuleHit::id).toList(),
        decision.findings().stream().map(Finding::type).distinct().toList(),
        decision.redactedText(),
        decision.conversation() == null ? null : decision.conversation().redactedMessages());
  }

  private static Conversation conversationOf(PolicyTestCase c, Stage stage) {
    Scope scope = Scope.fromWire(c.conversation().path("scope").asText("all"));
    if (scope == null) {
      throw new IllegalArgumentException("scope must be all or new");
    }
    try {
      return ConversationReader.read(
          c.conversation().get("messages"),
          c.conversation().get("documents"),
          scope,
          stage,
          ConversationLimits.DEFAULT);
    } catch (ConversationException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
