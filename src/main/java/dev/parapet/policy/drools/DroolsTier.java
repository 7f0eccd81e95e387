package dev.parapet.policy.drools;

import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.RuleError;
import dev.parapet.model.TierOutcome;
import dev.parapet.policy.Decide;
import dev.parapet.policy.PolicyException;
import dev.parapet.policy.TierRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.runtime.rule.ConsequenceException;

/** A tier compiled into one Drools rule base, run in a fresh stateless session per request. */
final class DroolsTier implements TierRules {

  private final String name;
  private final KieBase rules;
  private final boolean declaresDecide;

  /** Keyed by {@code package + "." + rule name}. */
  private final Map<String, Decide.FiringRule> byRule;

  private final Map<org.kie.api.definition.rule.Rule, Decide.FiringRule> byEngineRule =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final List<PolicyException> exceptions;

  private final List<dev.parapet.policy.RuleSource> sources;

  /** Each session lives on the one thread that checks the request, so it needs no locking. */
  private final KieSessionConfiguration oneThread;

  /**
   * Sessions for reuse: disposing one resets it and returns it here, which is cheaper than building
   * a session per check. It holds one per check running at once and goes with the tier when a
   * reload replaces it.
   */
  private final KieSessionsPool sessions;

  DroolsTier(
      String name,
      KieBase rules,
      boolean declaresDecide,
      Map<String, Decide.FiringRule> byRule,
      List<PolicyException> exceptions,
      List<dev.parapet.policy.RuleSource> sources) {
    this.name = name;
    this.sources = List.copyOf(sources);
    this.rules = rules;
    this.declaresDecide = declaresDecide;
    this.byRule = Map.copyOf(byRule);
    this.exceptions = List.copyOf(exceptions);
    this.oneThread = KieServices.Factory.get().newKieSessionConfiguration();
    oneThread.setOption(ThreadSafeOption.NO);
    this.sessions = rules.newKieSessionsPool(1);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> ruleIds() {
    return byRule.values().stream().map(Decide.FiringRule::id).sorted().toList();
  }

  @Override
  public boolean overridable(String ruleId) {
    return byRule.values().stream().anyMatch(r -> r.id().equals(ruleId) && r.overridable());
  }

  @Override
  public List<dev.parapet.policy.RuleSource> rules() {
    return sources;
  }

  @Override
  public List<PolicyException> exceptions() {
    return exceptions;
  }

  @Override
  public TierOutcome evaluate(CheckContext context, List<Finding> findings) {
    return evaluate(context, findings, List.of());
  }

  @Override
  public TierOutcome evaluate(CheckContext context, List<Finding> findings, List<?> facts) {
    Decide decide = new Decide(name);
    KieSession session = sessions.newKieSession(oneThread);
    List<RuleError> errors = new ArrayList<>();
    try {
      session.addEventListener(
          new DefaultAgendaEventListener() {
            // a rule usually fires many times in a row, once per finding
            private org.kie.api.definition.rule.Rule last;
            private Decide.FiringRule lastFiring;

            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
              org.kie.api.definition.rule.Rule rule = event.getMatch().getRule();
              if (rule != last) {
                last = rule;
                lastFiring = firingRule(rule);
              }
              decide.firing(lastFiring);
            }
          });
      if (declaresDecide) {
        session.setGlobal("decide", decide);
      }
      session.insert(context);
      for (Finding f : findings) {
        session.insert(f);
      }
      for (Object fact : facts) {
        session.insert(fact);
      }
      session.fireAllRules();
    } catch (ConsequenceException e) {
      org.kie.api.definition.rule.Rule rule = e.getMatch().getRule();
      Decide.FiringRule failed = firingRule(rule);
      errors.add(new RuleError(name, failed == null ? name : failed.id(), describe(e.getCause())));
    } catch (RuntimeException e) {
      errors.add(new RuleError(name, name, describe(e)));
    } finally {
      session.dispose();
    }
    return new TierOutcome(name, decide.actions(), decide.exemptions(), errors);
  }

  /** The rule as the policy knows it; looked up by the engine's rule object, once per rule. */
  private Decide.FiringRule firingRule(org.kie.api.definition.rule.Rule rule) {
    return byEngineRule.computeIfAbsent(
        rule, r -> byRule.get(r.getPackageName() + "." + r.getName()));
  }

  /** Names the failure without its message, which could quote the checked text. */
  private static String describe(Throwable cause) {
    return (cause == null ? "failure" : cause.getClass().getSimpleName())
        + " while running the rule";
  }
}
