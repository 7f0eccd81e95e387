package dev.parapet.api.audit;

import dev.parapet.audit.AuditRecord;
import dev.parapet.check.Decision;
import dev.parapet.check.DecisionLog;
import dev.parapet.check.RuleHit;
import dev.parapet.model.Finding;
import dev.parapet.model.TimeOrderedId;
import dev.parapet.policy.Profile;
import dev.parapet.policy.TextStorage;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Turns each decision into an audit record: findings without text, the text only as an HMAC. */
public final class AuditedDecisionLog implements DecisionLog {

  private final AuditRuntime audit;
  private final MeterRegistry metrics;
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  public AuditedDecisionLog(AuditRuntime audit, MeterRegistry metrics) {
    this.audit = audit;
    this.metrics = metrics;
    metrics.gauge("parapet.audit.dropped", audit, a -> a.log().dropped());
    metrics.gauge("parapet.audit.backlog", audit, a -> a.log().backlog());
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
        new AuditRecord(
            AuditRecord.VERSION,
            auditId,
            d.time().toString(),
            d.requestId(),
            d.tenant(),
            d.profile(),
            d.stage().wireName(),
            d.verdict().wireName(),
            d.rules().stream().map(RuleHit::id).toList(),
            d.findings().stream().map(f -> finding(d, f)).toList(),
            d.policyVersion(),
            d.coverage().textLength(),
            hmac(text),
            stored,
            d.tookMs(),
            d.failedClosed(),
            d.errors().stream().map(e -> e.ruleId() + ": " + e.message()).toList(),
            d.coverage().checkedEnd(),
            d.shadowVerdict(),
            d.conversation() == null
                ? null
                : new AuditRecord.AuditConversation(
                    d.conversation().messagesChecked(), d.conversation().toolCallsChecked()),
            null,
            0,
            null,
            null);
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
              d.shadowVerdict())
          .increment();
    }
    return auditId;
  }

  /** A text that was allowed has nothing to redact; a blocked one is not kept at all. */
  private static String redactedOrNothing(Decision d, String text) {
    return d.verdict() == dev.parapet.model.Verdict.ALLOW ? text : null;
  }

  private String hmac(String text) {
    // doFinal leaves the Mac ready for the next text: one keyed instance per worker thread
    return HexFormat.of().formatHex(macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(audit.key(), "HmacSHA256"));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }
}
