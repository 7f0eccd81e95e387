package dev.parapet.console;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * A checked request as the Try it page shows it; {@code shadowVerdict} is the profile's shadow
 * candidate's verdict where it differs from the live one, else null.
 */
@TemplateData
public record TryOutcome(
    String verdict,
    String auditId,
    String requestId,
    String profile,
    String policyVersion,
    String tookMs,
    boolean failedClosed,
    List<Highlighter.Segment> segments,
    List<MessageView> messages,
    List<FindingView> findings,
    String redacted,
    List<RuleView> rules,
    List<TierView> tiers,
    List<String> errors,
    String curl,
    String shadowVerdict) {

  /** One message of a conversation with its findings marked. */
  @TemplateData
  public record MessageView(int index, String role, List<Highlighter.Segment> segments) {}

  @TemplateData
  public record FindingView(
      String type,
      String detector,
      String source,
      String severity,
      String score,
      String where,
      String rules) {}

  @TemplateData
  public record RuleView(String id, String tier, String action, String reason) {}

  /** What one tier did: its actions, the exemptions it asked for, and what became of them. */
  @TemplateData
  public record TierView(
      String name,
      List<ActionView> actions,
      List<ExemptionView> exemptions,
      List<RelaxationView> relaxations) {

    public boolean quiet() {
      return actions.isEmpty() && exemptions.isEmpty();
    }
  }

  @TemplateData
  public record ActionView(
      String rule, String verdict, String reason, boolean overridable, String findings) {}

  @TemplateData
  public record ExemptionView(
      String rule,
      String target,
      String lowerTo,
      String approvedBy,
      String expires,
      String reason) {}

  /** An exemption meeting an action: applied (exempted, lowered, narrowed) or refused. */
  @TemplateData
  public record RelaxationView(
      String exemptionRule, String targetRule, String outcome, String detail, boolean applied) {}
}
