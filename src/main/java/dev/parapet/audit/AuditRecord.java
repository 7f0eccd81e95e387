package dev.parapet.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One decision as the audit log keeps it: what was decided, by which rules and why, about which
 * findings, for whom and with which context, under which policy version, and where it sits in its
 * node's hash chain. Never the checked text, unless the profile opted in ({@code storedText}).
 *
 * <p>Members marked absent-when-null are left out of the JSON (and so of the hash) when null:
 * records written before they existed keep their text and their hash.
 *
 * @param v the record's format: 1 before the "why" members, 2 with them
 * @param time ISO-8601 UTC
 * @param caller the authenticated caller's key id or JWT subject ({@code jwt:<sub>}); absent when
 *     authentication was off
 * @param context the request's context values in clear, by key (sorted); absent in version 1
 * @param hashedContext the values of the context keys the profile lists as sensitive, each as the
 *     keyed HMAC-SHA256 {@code textHash} uses, by key (sorted); absent when there were none
 * @param ruleActions each rule that stood after tier resolution (and each exemption that took
 *     effect), with its tier, action and reason; absent in version 1
 * @param relaxations what became of each exemption that met an action; absent in version 1
 * @param textHash keyed HMAC-SHA256 of the text, so equal texts correlate without being stored
 * @param checkedEnd how many code points were checked, less than textLength when the budget ran out
 * @param shadowDecision the candidate policy's decision where shadow mode disagreed, else null
 * @param shadowVersion the policy version of the shadow candidate that judged the request too,
 *     whether or not it agreed; absent when none did
 * @param findingsDropped how many findings were left out over {@link #MAX_FINDINGS}, else null
 *     (absent from the JSON, so records written before the cap keep their hashes)
 * @param conversation for a conversation check, how many messages and tool calls were checked;
 *     absent (and outside the hash) for a text, so records written before it verify as they did
 */
public record AuditRecord(
    int v,
    String auditId,
    String time,
    String requestId,
    String tenant,
    String profile,
    String stage,
    @JsonInclude(JsonInclude.Include.NON_NULL) String caller,
    @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> context,
    @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> hashedContext,
    String decision,
    List<String> rules,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<AuditRuleAction> ruleActions,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<AuditRelaxation> relaxations,
    List<AuditFinding> findings,
    String policyVersion,
    int textLength,
    String textHash,
    String storedText,
    double tookMs,
    boolean failedClosed,
    List<String> errors,
    int checkedEnd,
    String shadowDecision,
    @JsonInclude(JsonInclude.Include.NON_NULL) String shadowVersion,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer findingsDropped,
    @JsonInclude(JsonInclude.Include.NON_NULL) AuditConversation conversation,
    String node,
    long seq,
    String prevHash,
    String hash) {

  /** The format new records are written in: 2, with the "why" members. */
  public static final int VERSION = 2;

  /**
   * Most findings one record keeps, so that a record stays small (about 30 KB without a stored
   * text) however many terms a long text holds; the rest are counted in {@code findingsDropped}.
   */
  public static final int MAX_FINDINGS = 256;

  /** A record without the "why" members (the format of version 1). */
  public AuditRecord(
      int v,
      String auditId,
      String time,
      String requestId,
      String tenant,
      String profile,
      String stage,
      String decision,
      List<String> rules,
      List<AuditFinding> findings,
      String policyVersion,
      int textLength,
      String textHash,
      String storedText,
      double tookMs,
      boolean failedClosed,
      List<String> errors,
      int checkedEnd,
      String shadowDecision,
      Integer findingsDropped,
      AuditConversation conversation,
      String node,
      long seq,
      String prevHash,
      String hash) {
    this(
        v,
        auditId,
        time,
        requestId,
        tenant,
        profile,
        stage,
        null,
        null,
        null,
        decision,
        rules,
        null,
        null,
        findings,
        policyVersion,
        textLength,
        textHash,
        storedText,
        tookMs,
        failedClosed,
        errors,
        checkedEnd,
        shadowDecision,
        null,
        findingsDropped,
        conversation,
        node,
        seq,
        prevHash,
        hash);
  }

  /** A record of a text check, without conversation counts. */
  public AuditRecord(
      int v,
      String auditId,
      String time,
      String requestId,
      String tenant,
      String profile,
      String stage,
      String decision,
      List<String> rules,
      List<AuditFinding> findings,
      String policyVersion,
      int textLength,
      String textHash,
      String storedText,
      double tookMs,
      boolean failedClosed,
      List<String> errors,
      int checkedEnd,
      String shadowDecision,
      Integer findingsDropped,
      String node,
      long seq,
      String prevHash,
      String hash) {
    this(
        v,
        auditId,
        time,
        requestId,
        tenant,
        profile,
        stage,
        decision,
        rules,
        findings,
        policyVersion,
        textLength,
        textHash,
        storedText,
        tookMs,
        failedClosed,
        errors,
        checkedEnd,
        shadowDecision,
        findingsDropped,
        null,
        node,
        seq,
        prevHash,
        hash);
  }

  public AuditRecord {
    rules = List.copyOf(rules);
    findings = List.copyOf(findings);
    errors = List.copyOf(errors);
    context = sorted(context);
    hashedContext = sorted(hashedContext);
    ruleActions = ruleActions == null ? null : List.copyOf(ruleActions);
    relaxations = relaxations == null ? null : List.copyOf(relaxations);
  }

  /** Keys in order, so that a map encodes one way only, whoever built or read it. */
  private static Map<String, String> sorted(Map<String, String> map) {
    return map == null ? null : Collections.unmodifiableMap(new TreeMap<>(map));
  }

  /**
   * What one rule did to the decision after tier resolution.
   *
   * @param rule the rule id, {@code <tier>/<name>}
   * @param action {@code allow}, {@code redact}, {@code block}, or {@code exempt} for an exemption
   *     that took effect
   * @param reason the rule's reason, as the caller was told it
   */
  public record AuditRuleAction(String rule, String tier, String action, String reason) {}

  /**
   * What became of one exemption meeting one action.
   *
   * @param rule the exempting rule's id
   * @param target the id of the rule whose action it met
   * @param outcome {@code exempted}, {@code lowered}, {@code narrowed}, {@code kept-mandatory} or
   *     {@code expired}
   * @param detail how: the verdict lowered to, the type ignored, the expiry date
   */
  public record AuditRelaxation(String rule, String target, String outcome, String detail) {}

  /**
   * A finding as audited: what and where, never the matched text. In a conversation also the
   * message's index and role and, inside tool-call arguments, the JSON pointer; each absent (and
   * outside the hash) for a text.
   */
  public record AuditFinding(
      String detector,
      String type,
      int start,
      int end,
      String severity,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer message,
      @JsonInclude(JsonInclude.Include.NON_NULL) String role,
      @JsonInclude(JsonInclude.Include.NON_NULL) String path,
      @JsonInclude(JsonInclude.Include.NON_NULL) String document) {

    public AuditFinding(String detector, String type, int start, int end, String severity) {
      this(detector, type, start, end, severity, null, null, null, null);
    }
  }

  /** How much of a conversation was checked. */
  public record AuditConversation(int messages, int toolCalls) {}

  AuditRecord chained(String nodeId, long sequence, String previous, String digest) {
    return new AuditRecord(
        v,
        auditId,
        time,
        requestId,
        tenant,
        profile,
        stage,
        caller,
        context,
        hashedContext,
        decision,
        rules,
        ruleActions,
        relaxations,
        findings,
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
        findingsDropped,
        conversation,
        nodeId,
        sequence,
        previous,
        digest);
  }
}
