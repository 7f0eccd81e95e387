package dev.parapet.console;

import dev.parapet.check.CheckRequest;
import dev.parapet.check.CheckResult;
import dev.parapet.check.Decision;
import dev.parapet.check.Explanation;
import dev.parapet.model.Action;
import dev.parapet.model.Exemption;
import dev.parapet.model.Finding;
import dev.parapet.policy.Resolution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a decision and its explanation into what the Try it page shows. */
final class TryOutcomes {

  private static final Set<Resolution.Outcome> APPLIED =
      Set.of(Resolution.Outcome.EXEMPTED, Resolution.Outcome.LOWERED, Resolution.Outcome.NARROWED);

  private TryOutcomes() {}

  /**
   * @param profileTiers the profile's tiers, most authoritative first, so tiers where no rule fired
   *     are shown too
   */
  static TryOutcome of(
      CheckRequest request, CheckResult result, List<String> profileTiers, String curl) {
    Decision d = result.decision();
    Map<String, List<String>> rulesByFinding = rulesByFinding(d.explanation());
    List<Highlighter.Segment> segments = List.of();
    List<TryOutcome.MessageView> messages = List.of();
    if (request.conversation() == null) {
      segments = Highlighter.segments(request.text(), d.findings(), rulesByFinding);
    } else {
      messages = messages(request, d, rulesByFinding);
    }
    String redacted = d.redactedText();
    if (redacted == null
        && d.conversation() != null
        && d.conversation().redactedMessages() != null) {
      redacted = d.conversation().redactedMessages().toPrettyString();
    }
    return new TryOutcome(
        d.verdict().wireName(),
        result.auditId(),
        d.requestId(),
        d.profile(),
        d.policyVersion(),
        String.format(Locale.ROOT, "%.1f", d.tookMs()),
        d.failedClosed(),
        segments,
        messages,
        findings(d, rulesByFinding),
        redacted,
        d.rules().stream()
            .map(r -> new TryOutcome.RuleView(r.id(), r.tier(), r.action().wireName(), r.reason()))
            .toList(),
        tiers(d.explanation(), profileTiers),
        d.errors().stream().map(e -> e.ruleId() + ": " + e.message()).toList(),
        curl,
        d.shadowVerdict() == null ? null : d.shadowVerdict().wireName());
  }

  private static List<TryOutcome.MessageView> messages(
      CheckRequest request, Decision d, Map<String, List<String>> rulesByFinding) {
    List<String> texts = request.conversation().messageTexts();
    List<TryOutcome.MessageView> out = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      int index = i;
      String text = texts.get(i);
      int length = text.codePointCount(0, text.length());
      List<Finding> inText =
          d.findings().stream()
              .filter(
                  f ->
                      f.message() == index
                          && f.toolCall() < 0
                          && f.document().isEmpty()
                          && f.end() <= length)
              .toList();
      out.add(
          new TryOutcome.MessageView(
              i,
              request.conversation().roleOf(i),
              Highlighter.segments(text, inText, rulesByFinding)));
    }
    return out;
  }

  private static List<TryOutcome.FindingView> findings(
      Decision d, Map<String, List<String>> rulesByFinding) {
    return d.findings().stream()
        .map(
            f ->
                new TryOutcome.FindingView(
                    f.type(),
                    f.detector(),
                    f.source(),
                    f.severity().name().toLowerCase(Locale.ROOT),
                    String.format(Locale.ROOT, "%.2f", f.score()),
                    where(f),
                    String.join(", ", rulesByFinding.getOrDefault(Highlighter.key(f), List.of()))))
        .toList();
  }

  private static String where(Finding f) {
    StringBuilder s = new StringBuilder();
    if (!f.document().isEmpty()) {
      s.append("document ").append(f.document()).append(' ');
    } else if (f.message() >= 0) {
      s.append("message ").append(f.message()).append(' ');
    }
    if (f.toolCall() >= 0) {
      s.append("tool call ").append(f.toolCall()).append(' ').append(f.path()).append(' ');
    }
    return s.append('[').append(f.start()).append(", ").append(f.end()).append(')').toString();
  }

  /** Which rules' actions named each finding, across every tier. */
  static Map<String, List<String>> rulesByFinding(Explanation explanation) {
    Map<String, List<String>> out = new HashMap<>();
    if (explanation == null) {
      return out;
    }
    for (Explanation.TierExplanation tier : explanation.tiers()) {
      for (Action action : tier.actions()) {
        for (Finding f : action.findings()) {
          List<String> rules = out.computeIfAbsent(Highlighter.key(f), k -> new ArrayList<>());
          if (!rules.contains(action.ruleId())) {
            rules.add(action.ruleId());
          }
        }
      }
    }
    return out;
  }

  static List<TryOutcome.TierView> tiers(Explanation explanation, List<String> profileTiers) {
    Map<String, Explanation.TierExplanation> byName = new LinkedHashMap<>();
    for (String name : profileTiers) {
      byName.put(name, new Explanation.TierExplanation(name, List.of(), List.of()));
    }
    if (explanation != null) {
      explanation.tiers().forEach(t -> byName.put(t.tier(), t));
    }
    List<Resolution.Relaxation> relaxations =
        explanation == null ? List.of() : explanation.relaxations();
    List<TryOutcome.TierView> out = new ArrayList<>();
    for (Explanation.TierExplanation tier : byName.values()) {
      Set<String> exempting =
          tier.exemptions().stream().map(Exemption::ruleId).collect(Collectors.toSet());
      out.add(
          new TryOutcome.TierView(
              tier.tier(),
              tier.actions().stream().map(TryOutcomes::action).toList(),
              tier.exemptions().stream().map(TryOutcomes::exemption).toList(),
              relaxations.stream()
                  .filter(r -> exempting.contains(r.exemptionRule()))
                  .map(
                      r ->
                          new TryOutcome.RelaxationView(
                              r.exemptionRule(),
                              r.targetRule(),
                              r.outcome().wireName(),
                              r.detail(),
                              APPLIED.contains(r.outcome())))
                  .toList()));
    }
    return out;
  }

  private static TryOutcome.ActionView action(Action a) {
    return new TryOutcome.ActionView(
        a.ruleId(),
        a.verdict().wireName(),
        a.reason(),
        a.overridable(),
        a.findings().stream().map(Finding::type).distinct().collect(Collectors.joining(", ")));
  }

  private static TryOutcome.ExemptionView exemption(Exemption e) {
    return new TryOutcome.ExemptionView(
        e.ruleId(),
        e.targetRule() != null ? "rule " + e.targetRule() : "type " + e.targetType(),
        e.lowerTo().wireName(),
        e.approvedBy(),
        e.expires() == null ? "" : e.expires().toString(),
        e.reason());
  }
}
