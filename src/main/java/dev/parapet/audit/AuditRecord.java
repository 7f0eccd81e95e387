package dev.parapet.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One decision as the audit log keeps it (version 1): what was decided, by which rules, about which
 * findings, under which policy version, and where it sits in its node's hash chain. Never the
 * checked text, unless the profile opted in ({@code storedText}).
 *
 * @param time ISO-8601 UTC
 * @param textHash keyed HMAC-SHA256 of the text, so equal texts correlate without being stored
 * @param checkedEnd how many code points were checked, less than textLength when the budget ran out
 * @param shadowDecision the candidate policy's decision where shadow mode disagreed, else null
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
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer findingsDropped,
    @JsonInclude(JsonInclude.Include.NON_NULL) AuditConversation conversation,
    String node,
    long seq,
    String prevHash,
    String hash) {

  public static final int VERSION = 1;

  /**
   * Most findings one record keeps, so that a record stays small (about 30 KB without a stored
   * text) however many terms a long text holds; the rest are counted in {@code findingsDropped}.
   */
  public static final int MAX_FINDINGS = 256;

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
  }

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
        conversation,
        nodeId,
        sequence,
        previous,
        digest);
  }
}
