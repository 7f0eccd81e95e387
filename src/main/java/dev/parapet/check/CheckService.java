package dev.parapet.check;

import dev.parapet.detect.Detector;
import dev.parapet.detect.DetectorInput;
import dev.parapet.model.Action;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Exemption;
import dev.parapet.model.Finding;
import dev.parapet.model.RedactionMethod;
import dev.parapet.model.RuleError;
import dev.parapet.model.TierOutcome;
import dev.parapet.model.Verdict;
import dev.parapet.policy.FailMode;
import dev.parapet.policy.Policy;
import dev.parapet.policy.Profile;
import dev.parapet.text.NormalizedText;
import dev.parapet.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The check pipeline: normalize, detect, decide tier by tier, resolve, redact, record. Every
 * request runs on the policy version current when it started, even if a reload swaps it meanwhile.
 */
public final class CheckService {

  static final String INJECTION = "PROMPT_INJECTION";
  static final RuleHit FAIL_CLOSED =
      new RuleHit(
          "system/fail-closed",
          "system",
          Verdict.BLOCK.wireName(),
          "part of the check could not be evaluated and the profile fails closed");

  private static final Comparator<Finding> BY_POSITION =
      Comparator.comparingInt(Finding::start)
          .thenComparingInt(Finding::end)
          .thenComparing(Finding::type);

  private final Supplier<Policy> policy;
  private final Normalizer normalizer;
  private final DecisionLog log;
  private final Clock clock;
  private final Redactor redactor = new Redactor();
  private final Map<RedactionMethod, RedactionOperator> operators;

  /**
   * @param policy the current policy version, or null while none is loaded
   * @param redactionKey the key of the {@code hash} redaction operator
   */
  public CheckService(
      Supplier<Policy> policy,
      Normalizer normalizer,
      DecisionLog log,
      byte[] redactionKey,
      Clock clock) {
    this.policy = policy;
    this.normalizer = normalizer;
    this.log = log;
    this.clock = clock;
    this.operators = new EnumMap<>(RedactionMethod.class);
    operators.put(RedactionMethod.REPLACE, new RedactionOperator.Replace());
    operators.put(RedactionMethod.MASK, new RedactionOperator.Mask());
    operators.put(RedactionMethod.KEEP_LAST_4, new RedactionOperator.KeepLast4());
    operators.put(RedactionMethod.HASH, new RedactionOperator.Hash(redactionKey.clone()));
  }

  /** Checks one text and records the decision; returns it with its audit id. */
  public CheckResult check(CheckRequest request) {
    long started = System.nanoTime();
    Policy current = policy.get();
    if (current == null) {
      throw new PolicyUnavailableException();
    }
    Profile profile = profileOf(current, request.profile());
    Decision decision = decide(current, profile, request, started);
    String auditId = log.record(decision, request.text(), profile);
    return new CheckResult(decision, auditId);
  }

  /** Runs the pipeline without recording anything (used by policy tests and evaluation). */
  public Decision evaluate(CheckRequest request) {
    long started = System.nanoTime();
    Policy current = policy.get();
    if (current == null) {
      throw new PolicyUnavailableException();
    }
    return decide(current, profileOf(current, request.profile()), request, started);
  }

  private static Profile profileOf(Policy current, String name) {
    if (name == null) {
      return current.defaultProfile();
    }
    return current.profile(name).orElseThrow(() -> new UnknownProfileException(name));
  }

  private Decision decide(Policy current, Profile profile, CheckRequest request, long started) {
    NormalizedText text = normalizer.normalize(request.text());
    CheckContext context =
        new CheckContext(
            request.stage(),
            profile.name(),
            request.tenant(),
            request.context(),
            text.originalLength());
    List<RuleError> errors = new ArrayList<>();
    List<Finding> findings = detect(current.detectors(), new DetectorInput(text, context), errors);
    findings.removeIf(f -> INJECTION.equals(f.type()) && f.score() < profile.injectionThreshold());
    findings.sort(BY_POSITION);

    List<TierOutcome> outcomes = current.evaluate(profile, context, findings);
    outcomes.forEach(outcome -> errors.addAll(outcome.errors()));
    Resolution resolution = new DecisionResolver(today()).resolve(outcomes);

    boolean failedClosed = !errors.isEmpty() && profile.failMode() == FailMode.CLOSED;
    Verdict verdict = failedClosed ? Verdict.BLOCK : resolution.verdict();
    String redacted =
        verdict == Verdict.REDACT ? redact(request.text(), resolution, profile) : null;
    List<RuleHit> rules = ruleHits(resolution);
    if (failedClosed) {
      rules.add(FAIL_CLOSED);
    }
    Explanation explanation = request.explain() ? explain(outcomes, resolution) : null;
    double tookMs = (System.nanoTime() - started) / 1_000_000.0;
    return new Decision(
        request.requestId() == null ? UUID.randomUUID().toString() : request.requestId(),
        Instant.now(clock),
        profile.name(),
        request.tenant(),
        request.stage(),
        verdict,
        redacted,
        findings,
        rules,
        errors,
        failedClosed,
        current.version(),
        tookMs,
        explanation);
  }

  private static List<Finding> detect(
      List<Detector> detectors, DetectorInput input, List<RuleError> errors) {
    List<Finding> findings = new ArrayList<>();
    for (Detector detector : detectors) {
      try {
        findings.addAll(detector.detect(input));
      } catch (RuntimeException e) {
        // the message could quote the text, so only the failure's kind is kept
        errors.add(
            new RuleError(
                "detect",
                "detect/" + detector.name(),
                e.getClass().getSimpleName() + " in detector"));
      }
    }
    return findings;
  }

  private String redact(String text, Resolution resolution, Profile profile) {
    List<Finding> spans = new ArrayList<>();
    for (Action action : resolution.standing()) {
      if (action.verdict() == Verdict.REDACT) {
        spans.addAll(action.findings());
      }
    }
    return redactor.redact(text, spans, type -> operators.get(profile.redactionFor(type)));
  }

  private static List<RuleHit> ruleHits(Resolution resolution) {
    List<RuleHit> hits = new ArrayList<>();
    for (Action action : resolution.standing()) {
      RuleHit hit =
          new RuleHit(action.ruleId(), action.tier(), action.verdict().wireName(), action.reason());
      if (!hits.contains(hit)) {
        hits.add(hit);
      }
    }
    for (Exemption exemption : resolution.applied()) {
      RuleHit hit = new RuleHit(exemption.ruleId(), exemption.tier(), "exempt", exemption.reason());
      if (!hits.contains(hit)) {
        hits.add(hit);
      }
    }
    return hits;
  }

  private static Explanation explain(List<TierOutcome> outcomes, Resolution resolution) {
    List<Explanation.TierExplanation> tiers = new ArrayList<>();
    for (TierOutcome outcome : outcomes) {
      tiers.add(
          new Explanation.TierExplanation(outcome.tier(), outcome.actions(), outcome.exemptions()));
    }
    return new Explanation(tiers, resolution.relaxations());
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
