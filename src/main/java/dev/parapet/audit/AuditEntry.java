package dev.parapet.audit;

import java.util.List;
import java.util.Map;

/**
 * An audit record before the log chains it, built field by field by name; the log fills in the
 * node, sequence number and hashes when it appends.
 */
public final class AuditEntry {

  private String auditId;
  private String time;
  private String requestId;
  private String tenant;
  private String profile;
  private String stage;
  private String caller;
  private Map<String, String> context = Map.of();
  private Map<String, String> hashedContext = Map.of();
  private String decision;
  private List<String> rules = List.of();
  private List<AuditRecord.AuditRuleAction> ruleActions = List.of();
  private List<AuditRecord.AuditRelaxation> relaxations = List.of();
  private List<AuditRecord.AuditFinding> findings = List.of();
  private String policyVersion;
  private int textLength;
  private String textHash;
  private String storedText;
  private double tookMs;
  private boolean failedClosed;
  private List<String> errors = List.of();
  private int checkedEnd;
  private String shadowDecision;
  private String shadowVersion;
  private AuditRecord.AuditConversation conversation;

  public AuditEntry auditId(String value) {
    auditId = value;
    return this;
  }

  /** ISO-8601 UTC. */
  public AuditEntry time(String value) {
    time = value;
    return this;
  }

  public AuditEntry requestId(String value) {
    requestId = value;
    return this;
  }

  public AuditEntry tenant(String value) {
    tenant = value;
    return this;
  }

  public AuditEntry profile(String value) {
    profile = value;
    return this;
  }

  public AuditEntry stage(String value) {
    stage = value;
    return this;
  }

  /** The authenticated caller's key id or JWT subject; null when authentication is off. */
  public AuditEntry caller(String value) {
    caller = value;
    return this;
  }

  /** The request's context values kept in clear, by key. */
  public AuditEntry context(Map<String, String> value) {
    context = value;
    return this;
  }

  /** The sensitive context keys' values, each as a keyed hash, by key. */
  public AuditEntry hashedContext(Map<String, String> value) {
    hashedContext = value;
    return this;
  }

  public AuditEntry decision(String value) {
    decision = value;
    return this;
  }

  public AuditEntry rules(List<String> value) {
    rules = value;
    return this;
  }

  /** What each rule that stood, and each exemption that took effect, did and why. */
  public AuditEntry ruleActions(List<AuditRecord.AuditRuleAction> value) {
    ruleActions = value;
    return this;
  }

  /** What became of each exemption that met an action. */
  public AuditEntry relaxations(List<AuditRecord.AuditRelaxation> value) {
    relaxations = value;
    return this;
  }

  public AuditEntry findings(List<AuditRecord.AuditFinding> value) {
    findings = value;
    return this;
  }

  public AuditEntry policyVersion(String value) {
    policyVersion = value;
    return this;
  }

  public AuditEntry textLength(int value) {
    textLength = value;
    return this;
  }

  public AuditEntry textHash(String value) {
    textHash = value;
    return this;
  }

  /** The text itself, only where the profile opted in; else null. */
  public AuditEntry storedText(String value) {
    storedText = value;
    return this;
  }

  public AuditEntry tookMs(double value) {
    tookMs = value;
    return this;
  }

  public AuditEntry failedClosed(boolean value) {
    failedClosed = value;
    return this;
  }

  public AuditEntry errors(List<String> value) {
    errors = value;
    return this;
  }

  public AuditEntry checkedEnd(int value) {
    checkedEnd = value;
    return this;
  }

  /** The shadow candidate's decision where it disagreed, else null. */
  public AuditEntry shadowDecision(String value) {
    shadowDecision = value;
    return this;
  }

  /** The version of the shadow candidate that judged the request too, else null. */
  public AuditEntry shadowVersion(String value) {
    shadowVersion = value;
    return this;
  }

  /** For a conversation check, how many messages and tool calls were checked; else null. */
  public AuditEntry conversation(AuditRecord.AuditConversation value) {
    conversation = value;
    return this;
  }

  /**
   * The record as version {@link AuditRecord#VERSION}, not yet on any chain; past {@link
   * AuditRecord#MAX_FINDINGS} findings, the rest are counted rather than kept.
   */
  public AuditRecord toRecord() {
    int dropped = Math.max(0, findings.size() - AuditRecord.MAX_FINDINGS);
    return new AuditRecord(
        AuditRecord.VERSION,
        auditId,
        time,
        requestId,
        tenant,
        profile,
        stage,
        caller,
        context,
        hashedContext.isEmpty() ? null : hashedContext,
        decision,
        rules,
        ruleActions,
        relaxations,
        dropped == 0 ? findings : findings.subList(0, AuditRecord.MAX_FINDINGS),
        policyVersion,
        textLength,
        textHash,
        storedText,
        tookMs,
        failedClosed,
        errors,
        checkedEnd,
        shadowDecision,
        shadowVersion,
        dropped == 0 ? null : dropped,
        conversation,
        null,
        0,
        null,
        null);
  }
}
