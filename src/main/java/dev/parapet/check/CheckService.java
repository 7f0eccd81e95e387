package dev.parapet.check;

import dev.parapet.model.Action;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Exemption;
import dev.parapet.model.Finding;
import dev.parapet.model.RedactionMethod;
import dev.parapet.model.RuleError;
import dev.parapet.model.TierOutcome;
import dev.parapet.model.TimeOrderedId;
import dev.parapet.model.Trust;
import dev.parapet.model.Verdict;
import dev.parapet.policy.DecisionResolver;
import dev.parapet.policy.FailMode;
import dev.parapet.policy.Policy;
import dev.parapet.policy.Profile;
import dev.parapet.policy.Resolution;
import dev.parapet.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
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
          RuleHit.Effect.BLOCK,
          "part of the check could not be evaluated and the profile fails closed");

  /** In a conversation: messages in order, then documents, each by tool call and path. */
  private static final Comparator<Finding> BY_POSITION =
      Comparator.comparing((Finding f) -> !f.document().isEmpty())
          .thenComparingInt(Finding::message)
          .thenComparing(Finding::document)
          .thenComparingInt(Finding::toolCall)
          .thenComparing(Finding::path)
          .thenComparingInt(Finding::start)
          .thenComparingInt(Finding::end)
          .thenComparing(Finding::type);

  static final int CHUNK = 64 * 1024;
  static final int OVERLAP = 512;

  private final Supplier<Policy> policy;
  private final DecisionLog log;
  private final Clock clock;
  private final Detection detection;
  private final Duration budget;
  private final ExecutorService longTexts;
  private final Redactor redactor = new Redactor();
  private final Map<RedactionMethod, RedactionOperator> operators;

  /**
   * @param policy the current policy version, or null while none is loaded
   * @param redactionKey the key of the {@code hash} redaction operator
   * @param budget the time one check may take before the profile's fail mode decides
   * @param longTexts the bounded pool that scans long texts, so they cannot starve short checks
   */
  public CheckService(
      Supplier<Policy> policy,
      Normalizer normalizer,
      DecisionLog log,
      byte[] redactionKey,
      Clock clock,
      Duration budget,
      ExecutorService longTexts) {
    this.policy = policy;
    this.log = log;
    this.clock = clock;
    this.detection = new Detection(normalizer, CHUNK, OVERLAP);
    this.budget = budget;
    this.longTexts = longTexts;
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
    Decision decision =
        withShadow(current, profile, request, decide(current, profile, request, started));
    String text =
        request.conversation() == null ? request.text() : request.conversation().joinedText();
    String auditId = log.record(decision, text, profile);
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

  /**
   * Judges the request again on the profile's shadow candidate, if it has one; a differing verdict
   * and the candidate's version are recorded, never answered.
   */
  private Decision withShadow(Policy current, Profile profile, CheckRequest request, Decision d) {
    Policy candidate = current.shadowOf(profile.name()).orElse(null);
    if (candidate == null) {
      return d;
    }
    Profile shadowProfile = candidate.profile(profile.name()).orElse(candidate.defaultProfile());
    ShadowVerdict shadow;
    try {
      shadow =
          ShadowVerdict.of(decide(candidate, shadowProfile, request, System.nanoTime()).verdict());
    } catch (RuntimeException e) {
      shadow = ShadowVerdict.ERROR;
    }
    // the candidate's version goes on the record even where it agreed, so that an auditor can
    // tell "judged by candidate X and agreed" from "no candidate"
    return d.withShadow(
        shadow == ShadowVerdict.of(d.verdict()) ? null : shadow, candidate.version());
  }

  private static Profile profileOf(Policy current, String name) {
    if (name == null) {
      return current.defaultProfile();
    }
    return current.profile(name).orElseThrow(() -> new UnknownProfileException(name));
  }

  private Decision decide(Policy current, Profile profile, CheckRequest request, long started) {
    return decided(current, profile, request, started).decision();
  }

  /** A decision with the spans it redacts, which a stream needs to release text piece by piece. */
  private record Decided(Decision decision, List<Finding> redacted, List<Finding> blocking) {}

  /**
   * Checks a text as {@link #check} or {@link #evaluate} do, and answers with what a stream needs:
   * the spans redacted and how, and how much of the text's end the detectors may still change.
   *
   * @param record whether to write the decision to the log (once per streamed answer)
   */
  public Judgement judge(CheckRequest request, boolean record) {
    return judge(request, record, null);
  }

  /**
   * As {@link #judge(CheckRequest, boolean)}, the recorded decision also carrying {@code note}
   * among its errors: what went wrong around the check (an upstream model that timed out), for
   * auditors.
   */
  public Judgement judge(CheckRequest request, boolean record, RuleError note) {
    long started = System.nanoTime();
    Policy current = policy.get();
    if (current == null) {
      throw new PolicyUnavailableException();
    }
    Profile profile = profileOf(current, request.profile());
    Decided decided = decided(current, profile, request, started);
    Decision decision = decided.decision();
    String auditId = null;
    if (record) {
      decision = withShadow(current, profile, request, decision);
      auditId =
          log.record(note == null ? decision : decision.withError(note), request.text(), profile);
    }
    return new Judgement(
        decision,
        auditId,
        decided.redacted().isEmpty() ? List.of() : Redactor.merge(decided.redacted()),
        type -> operators.get(profile.redactionFor(type)),
        decided.blocking(),
        current.detectorSet().holdBack(),
        current.detectorSet().holdBackLetters(),
        current.detectorSet().openFrom(request.text()));
  }

  private Decided decided(Policy current, Profile profile, CheckRequest request, long started) {
    Conversation conversation = request.conversation();
    CheckContext context =
        new CheckContext(
            request.stage(),
            profile.name(),
            request.tenant(),
            request.context(),
            conversation == null
                ? request.text().codePointCount(0, request.text().length())
                : conversation.checkedCodePoints());
    Detection.Result detected;
    ConversationCheck.Located located = null;
    if (conversation == null) {
      detected = detect(current, request.text(), context, started);
    } else {
      located =
          ConversationCheck.detect(
              detection, current.detectors(), conversation, context, started + budget.toNanos());
      detected = located.result();
    }
    List<RuleError> errors = new ArrayList<>(detected.errors());
    List<Finding> findings = new ArrayList<>(detected.findings());
    // outside content (tool results, documents) keeps its weaker injection signals: rules judge
    // them on a lower score than the same words from the user
    findings.removeIf(
        f ->
            INJECTION.equals(f.type())
                && f.score() < profile.injectionThreshold()
                && f.trust() != Trust.OUTSIDE);
    findings.sort(BY_POSITION);
    Coverage coverage = detected.coverage();
    if (coverage.budgetExceeded()) {
      errors.add(
          new RuleError(
              "budget",
              "system/budget",
              "the time budget of "
                  + budget.toMillis()
                  + " ms ran out after checking "
                  + coverage.checkedEnd()
                  + " of "
                  + coverage.textLength()
                  + " code points"));
    }

    List<TierOutcome> outcomes =
        conversation == null
            ? current.evaluate(profile, context, findings)
            : current.evaluate(profile, context, findings, ConversationCheck.facts(conversation));
    outcomes.forEach(outcome -> errors.addAll(outcome.errors()));
    Resolution resolution = new DecisionResolver(today()).resolve(outcomes);

    boolean failedClosed = !errors.isEmpty() && profile.failMode() == FailMode.CLOSED;
    Verdict verdict = failedClosed ? Verdict.BLOCK : resolution.verdict();
    String redacted =
        verdict == Verdict.REDACT && conversation == null
            ? redact(request.text(), resolution, profile)
            : null;
    ConversationOutcome outcome =
        conversation == null
            ? null
            : ConversationCheck.outcome(
                conversation,
                located.placed(),
                verdict == Verdict.REDACT ? redactSpans(resolution) : null,
                redactor,
                type -> operators.get(profile.redactionFor(type)));
    List<RuleHit> rules = ruleHits(resolution);
    if (failedClosed) {
      rules.add(FAIL_CLOSED);
    }
    Explanation explanation = request.explain() ? explain(outcomes, resolution) : null;
    double tookMs = (System.nanoTime() - started) / 1_000_000.0;
    Decision decision =
        new Decision(
            request.requestId() == null ? TimeOrderedId.next() : request.requestId(),
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
            coverage,
            null,
            explanation,
            outcome,
            resolution.relaxations(),
            request.context(),
            request.caller(),
            null);
    return new Decided(
        decision,
        verdict == Verdict.REDACT ? redactSpans(resolution) : List.of(),
        verdict == Verdict.BLOCK && !failedClosed ? spansOf(resolution, Verdict.BLOCK) : List.of());
  }

  private Detection.Result detect(Policy current, String text, CheckContext context, long started) {
    long deadline = started + budget.toNanos();
    if (!detection.isLong(context.textLength())) {
      return detection.run(current.detectors(), text, context, deadline);
    }
    Future<Detection.Result> scan;
    try {
      scan = longTexts.submit(() -> detection.run(current.detectors(), text, context, deadline));
    } catch (RejectedExecutionException e) {
      throw new OverloadedException();
    }
    try {
      return scan.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      scan.cancel(true);
      throw new OverloadedException();
    } catch (ExecutionException e) {
      throw new IllegalStateException("long-text scan failed", e.getCause());
    }
  }

  private String redact(String text, Resolution resolution, Profile profile) {
    return redactor.redact(
        text, redactSpans(resolution), type -> operators.get(profile.redactionFor(type)));
  }

  private static List<Finding> redactSpans(Resolution resolution) {
    return spansOf(resolution, Verdict.REDACT);
  }

  private static List<Finding> spansOf(Resolution resolution, Verdict verdict) {
    List<Finding> spans = new ArrayList<>();
    for (Action action : resolution.standing()) {
      if (action.verdict() == verdict) {
        spans.addAll(action.findings());
      }
    }
    return spans;
  }

  private static List<RuleHit> ruleHits(Resolution resolution) {
    List<RuleHit> hits = new ArrayList<>();
    for (Action action : resolution.standing()) {
      RuleHit hit =
          new RuleHit(
              action.ruleId(), action.tier(), RuleHit.Effect.of(action.verdict()), action.reason());
      if (!hits.contains(hit)) {
        hits.add(hit);
      }
    }
    for (Exemption exemption : resolution.applied()) {
      RuleHit hit =
          new RuleHit(
              exemption.ruleId(), exemption.tier(), RuleHit.Effect.EXEMPT, exemption.reason());
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
    // by epoch day: ZoneOffset.UTC builds a new ZoneRules on every LocalDate.ofInstant
    return LocalDate.ofEpochDay(Math.floorDiv(clock.instant().getEpochSecond(), 86_400L));
  }
}
