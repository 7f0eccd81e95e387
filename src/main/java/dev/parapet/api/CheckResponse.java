package dev.parapet.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.check.CheckResult;
import dev.parapet.check.Coverage;
import dev.parapet.check.Decision;
import dev.parapet.check.Explanation;
import dev.parapet.check.RuleHit;
import dev.parapet.model.Finding;
import dev.parapet.model.RuleError;
import java.util.List;

/**
 * The answer of {@code POST /v1/check}, as DESIGN.md specifies it. Beyond the contract, {@code
 * errors} and {@code failMode} appear when part of the check failed, and {@code coverage} when the
 * time budget ran out before the whole text was checked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckResponse(
    String decision,
    String text,
    JsonNode messages,
    JsonNode documents,
    JsonNode system,
    List<FindingView> findings,
    List<RuleHit> rules,
    String profile,
    String policyVersion,
    String auditId,
    String requestId,
    double tookMs,
    List<RuleError> errors,
    String failMode,
    Coverage coverage,
    Explanation explanation) {

  /**
   * A finding on the wire: severity in lower case; in a conversation also where it sits ({@code
   * message}, {@code toolCall} and {@code path} inside a tool call's arguments, or {@code
   * document}), each absent where it does not apply.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FindingView(
      String detector,
      String type,
      int start,
      int end,
      String severity,
      double score,
      String source,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> via,
      Integer message,
      Integer toolCall,
      String path,
      String document) {

    static FindingView of(Finding f) {
      return new FindingView(
          f.detector(),
          f.type(),
          f.start(),
          f.end(),
          f.severity().wireName(),
          f.score(),
          f.source(),
          f.via(),
          f.message() < 0 ? null : f.message(),
          f.toolCall() < 0 ? null : f.toolCall(),
          f.path().isEmpty() ? null : f.path(),
          f.document().isEmpty() ? null : f.document());
    }
  }

  static CheckResponse of(CheckResult result) {
    Decision d = result.decision();
    return new CheckResponse(
        d.verdict().wireName(),
        d.redactedText(),
        d.conversation() == null ? null : d.conversation().redactedMessages(),
        d.conversation() == null ? null : d.conversation().redactedDocuments(),
        d.conversation() == null ? null : d.conversation().redactedSystem(),
        d.findings().stream().map(FindingView::of).toList(),
        d.rules(),
        d.profile(),
        d.policyVersion(),
        result.auditId(),
        d.requestId(),
        Math.round(d.tookMs() * 1000.0) / 1000.0,
        d.errors().isEmpty() ? null : d.errors(),
        d.errors().isEmpty() ? null : (d.failedClosed() ? "closed" : "open"),
        d.coverage().complete() ? null : d.coverage(),
        d.explanation());
  }
}
