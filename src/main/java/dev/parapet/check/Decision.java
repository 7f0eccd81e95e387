package dev.parapet.check;

import dev.parapet.model.Finding;
import dev.parapet.model.RuleError;
import dev.parapet.model.Stage;
import dev.parapet.model.Verdict;
import dev.parapet.policy.Resolution;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A decision with its reasons: what was found, which rules decided, and which parts could not be
 * evaluated. Errors are values here, not exceptions; {@code failedClosed} says the verdict came
 * from the profile's fail mode rather than from the rules.
 *
 * @param redactedText the rewritten text when the verdict is redact, else null
 * @param coverage how much of the text was checked before the time budget ran out
 * @param shadowVerdict the shadow candidate's verdict where it differs from this one, else null
 * @param explanation per-tier detail when the caller asked for it, else null
 * @param conversation what a conversation's check adds (counts, roles, redacted messages), or null
 *     for a text
 * @param relaxations what became of each exemption that met an action, whether or not the caller
 *     asked for an explanation
 * @param context the request's context map, as the rules saw it
 * @param caller the authenticated caller's key id or JWT subject, or null
 * @param shadowVersion the policy version of the shadow candidate that judged the request too, or
 *     null when none did
 */
public record Decision(
    String requestId,
    Instant time,
    String profile,
    String tenant,
    Stage stage,
    Verdict verdict,
    String redactedText,
    List<Finding> findings,
    List<RuleHit> rules,
    List<RuleError> errors,
    boolean failedClosed,
    String policyVersion,
    double tookMs,
    Coverage coverage,
    ShadowVerdict shadowVerdict,
    Explanation explanation,
    ConversationOutcome conversation,
    List<Resolution.Relaxation> relaxations,
    Map<String, String> context,
    String caller,
    String shadowVersion) {

  /** A decision without relaxations, context, caller or shadow version. */
  public Decision(
      String requestId,
      Instant time,
      String profile,
      String tenant,
      Stage stage,
      Verdict verdict,
      String redactedText,
      List<Finding> findings,
      List<RuleHit> rules,
      List<RuleError> errors,
      boolean failedClosed,
      String policyVersion,
      double tookMs,
      Coverage coverage,
      ShadowVerdict shadowVerdict,
      Explanation explanation,
      ConversationOutcome conversation) {
    this(
        requestId,
        time,
        profile,
        tenant,
        stage,
        verdict,
        redactedText,
        findings,
        rules,
        errors,
        failedClosed,
        policyVersion,
        tookMs,
        coverage,
        shadowVerdict,
        explanation,
        conversation,
        List.of(),
        Map.of(),
        null,
        null);
  }

  /** A decision on a text. */
  public Decision(
      String requestId,
      Instant time,
      String profile,
      String tenant,
      Stage stage,
      Verdict verdict,
      String redactedText,
      List<Finding> findings,
      List<RuleHit> rules,
      List<RuleError> errors,
      boolean failedClosed,
      String policyVersion,
      double tookMs,
      Coverage coverage,
      ShadowVerdict shadowVerdict,
      Explanation explanation) {
    this(
        requestId,
        time,
        profile,
        tenant,
        stage,
        verdict,
        redactedText,
        findings,
        rules,
        errors,
        failedClosed,
        policyVersion,
        tookMs,
        coverage,
        shadowVerdict,
        explanation,
        null);
  }

  public Decision {
    findings = List.copyOf(findings);
    rules = List.copyOf(rules);
    errors = List.copyOf(errors);
    relaxations = relaxations == null ? List.of() : List.copyOf(relaxations);
    context = context == null ? Map.of() : Map.copyOf(context);
  }

  /** This decision with the shadow candidate's differing verdict recorded beside it. */
  public Decision withShadowVerdict(ShadowVerdict shadow) {
    return with(errors, shadow, shadowVersion);
  }

  /**
   * This decision as judged also by a shadow candidate of policy version {@code version}: its
   * verdict where it differs from this one (else null), its version always.
   */
  public Decision withShadow(ShadowVerdict shadow, String version) {
    return with(errors, shadow, version);
  }

  /** This decision with one more error: what went wrong around the check, for the record. */
  public Decision withError(RuleError error) {
    List<RuleError> more = new java.util.ArrayList<>(errors);
    more.add(error);
    return with(more, shadowVerdict, shadowVersion);
  }

  /**
   * The only parts a decision gains after it is made: errors around it, the shadow's verdict and
   * version.
   */
  private Decision with(List<RuleError> newErrors, ShadowVerdict shadow, String shadowPolicy) {
    return new Decision(
        requestId,
        time,
        profile,
        tenant,
        stage,
        verdict,
        redactedText,
        findings,
        rules,
        newErrors,
        failedClosed,
        policyVersion,
        tookMs,
        coverage,
        shadow,
        explanation,
        conversation,
        relaxations,
        context,
        caller,
        shadowPolicy);
  }
}
