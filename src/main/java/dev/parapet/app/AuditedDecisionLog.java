package dev.parapet.app;

import dev.parapet.audit.AuditEntry;
import dev.parapet.audit.AuditRecord;
import dev.parapet.audit.TextHash;
import dev.parapet.check.Decision;
import dev.parapet.check.DecisionLog;
import dev.parapet.check.RuleHit;
import dev.parapet.model.Finding;
import dev.parapet.model.TimeOrderedId;
import dev.parapet.policy.Profile;
import dev.parapet.policy.Resolution;
import dev.parapet.policy.TextStorage;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns each decision into an audit record: findings without text, the text only as an HMAC, each
 * rule's action and reason, each exemption's outcome, the context (sensitive keys' values only as
 * an HMAC) and the caller.
 */
public final class AuditedDecisionLog implements DecisionLog {

  private final AuditRuntime audit;
  private final MeterRegistry metrics;
  private final TextHash textHash;

  public AuditedDecisionLog(AuditRuntime audit, MeterRegistry metrics) {
    this.audit = audit;
    this.metrics = metrics;
    this.textHash = new TextHash(audit.key());
    metrics.gauge("parapet.audit.dropped", audit, a -> a.log().dropped());
    metrics.gauge("parapet.audit.backlog", audit, a -> a.log().backlog());
    metrics.gauge("parapet.audit.quarantined", audit, a -> a.log().quarantined());
  }

  /** A finding without its text; in a conversation with its message, role and path. */
  private static AuditRecord.AuditFinding finding(Decision d, Finding f) {
    if (d.conversation() == null) {
      return new AuditRecord.AuditFinding(
          f.detector(), f.type(), f.start(), f.end(), f.severity().wireName());
    }
    return new AuditRecord.AuditFinding(
        f.detector(),
        f.type(),
        f.start(),
        f.end(),
        f.severity().wireName(),
        f.message() < 0 ? null : f.message(),
        d.conversation().roleOf(f.message()),
        f.path().isEmpty() ? null : f.path(),
        f.document().isEmpty() ? null : f.document());
  }

  @Override
  public String record(Decision d, String text, Profile profile) {
    String auditId = TimeOrderedId.next();
    String stored =
        switch (profile.textStorage() == null ? TextStorage.NONE : profile.textStorage()) {
          case FULL -> text;
          case REDACTED -> d.redactedText() != null ? d.redactedText() : redactedOrNothing(d, text);
          case NONE -> null;
        };
    AuditRecord record =
        new AuditEntry()
            .auditId(auditId)
            .time(d.time().toString())
            .requestId(d.requestId())
            .tenant(d.tenant())
            .profile(d.profile())
            .stage(d.stage().wireName())
            .caller(d.caller())
            .context(inClear(d.context(), profile))
            .hashedContext(hashed(d.context(), profile))
            .decision(d.verdict().wireName())
            .rules(d.rules().stream().map(RuleHit::id).toList())
            .ruleActions(d.rules().stream().map(AuditedDecisionLog::ruleAction).toList())
            .relaxations(d.relaxations().stream().map(AuditedDecisionLog::relaxation).toList())
            .findings(d.findings().stream().map(f -> finding(d, f)).toList())
            .policyVersion(d.policyVersion())
            .textLength(d.coverage().textLength())
            .textHash(textHash.of(text))
            .storedText(stored)
            .tookMs(d.tookMs())
            .failedClosed(d.failedClosed())
            .errors(d.errors().stream().map(e -> e.ruleId() + ": " + e.message()).toList())
            .checkedEnd(d.coverage().checkedEnd())
            .shadowDecision(d.shadowVerdict() == null ? null : d.shadowVerdict().wireName())
            .shadowVersion(d.shadowVersion())
            .conversation(
                d.conversation() == null
                    ? null
                    : new AuditRecord.AuditConversation(
                        d.conversation().messagesChecked(), d.conversation().toolCallsChecked()))
            .toRecord();
    audit.log().append(record);
    metrics
        .counter(
            "parapet.decisions",
            "decision",
            d.verdict().wireName(),
            "profile",
            d.profile(),
            "stage",
            d.stage().wireName())
        .increment();
    metrics
        .timer("parapet.check.duration", "profile", d.profile())
        .record(java.time.Duration.ofNanos((long) (d.tookMs() * 1_000_000)));
    if (d.shadowVerdict() != null) {
      metrics
          .counter(
              "parapet.shadow.disagreements",
              "profile",
              d.profile(),
              "active",
              d.verdict().wireName(),
              "shadow",
              d.shadowVerdict().wireName())
          .increment();
    }
    return auditId;
  }

  private static AuditRecord.AuditRuleAction ruleAction(RuleHit hit) {
    return new AuditRecord.AuditRuleAction(
        hit.id(), hit.tier(), hit.action().wireName(), hit.reason());
  }

  private static AuditRecord.AuditRelaxation relaxation(Resolution.Relaxation r) {
    return new AuditRecord.AuditRelaxation(
        r.exemptionRule(), r.targetRule(), r.outcome().wireName(), r.detail());
  }

  /** The context values the profile does not list as sensitive. */
  private static Map<String, String> inClear(Map<String, String> context, Profile profile) {
    Map<String, String> clear = new TreeMap<>(context);
    clear.keySet().removeAll(profile.sensitiveContextKeys());
    return clear;
  }

  /** The sensitive keys' values as the keyed hash {@code textHash} uses: never in clear. */
  private Map<String, String> hashed(Map<String, String> context, Profile profile) {
    Map<String, String> hashes = new TreeMap<>();
    context.forEach(
        (key, value) -> {
          if (profile.sensitiveContextKeys().contains(key)) {
            hashes.put(key, textHash.of(value));
          }
        });
    return hashes;
  }

  /** A text that was allowed has nothing to redact; a blocked one is not kept at all. */
  private static String redactedOrNothing(Decision d, String text) {
    return d.verdict() == dev.parapet.model.Verdict.ALLOW ? text : null;
  }
}
