package dev.parapet.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.model.Action;
import dev.parapet.model.Exemption;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.model.TierOutcome;
import dev.parapet.model.Verdict;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionResolverTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
  private final DecisionResolver resolver = new DecisionResolver(TODAY);

  private static Finding finding(String type, int start, int end) {
    return new Finding("lexicon", type, start, end, Severity.HIGH, 1.0, "lexicon/x");
  }

  private static Action action(String id, Verdict verdict, boolean overridable, Finding... f) {
    String tier = id.substring(0, id.lastIndexOf('/'));
    return new Action(id, tier, verdict, "because", overridable, List.of(f));
  }

  private static TierOutcome tier(String name, List<Action> actions, List<Exemption> exemptions) {
    return new TierOutcome(name, actions, exemptions, List.of());
  }

  private static Exemption exemptRule(String by, String target, Verdict to, String expires) {
    String tier = by.substring(0, by.lastIndexOf('/'));
    return new Exemption(
        by,
        tier,
        "clinical use",
        target,
        null,
        to,
        "dr. who",
        expires.isEmpty() ? null : LocalDate.parse(expires));
  }

  @Test
  void mostRestrictiveActionWins() {
    Resolution r =
        resolver.resolve(
            List.of(
                tier("baseline", List.of(action("baseline/a", Verdict.REDACT, false)), List.of()),
                tier("general", List.of(action("general/b", Verdict.BLOCK, true)), List.of())));
    assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
    assertThat(r.standing()).extracting(Action::ruleId).containsExactly("baseline/a", "general/b");
  }

  @Test
  void noActionsMeansAllow() {
    assertThat(resolver.resolve(List.of(tier("baseline", List.of(), List.of()))).verdict())
        .isEqualTo(Verdict.ALLOW);
  }

  @Test
  void lowerTierExemptsOverridableRuleOfHigherTier() {
    Resolution r =
        resolver.resolve(
            List.of(
                tier("general", List.of(action("general/block-x", Verdict.BLOCK, true)), List.of()),
                tier(
                    "industry/healthcare",
                    List.of(),
                    List.of(
                        exemptRule(
                            "industry/healthcare/allow-x",
                            "general/block-x",
                            Verdict.ALLOW,
                            "")))));
    assertThat(r.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(r.applied())
        .extracting(Exemption::ruleId)
        .containsExactly("industry/healthcare/allow-x");
    assertThat(r.relaxations())
        .extracting(Resolution.Relaxation::outcome)
        .containsExactly("exempted");
  }

  @Test
  void baselineIsNeverRelaxedEvenIfMarkedOverridable() {
    Resolution r =
        resolver.resolve(
            List.of(
                tier("baseline", List.of(action("baseline/block", Verdict.BLOCK, true)), List.of()),
                tier(
                    "general",
                    List.of(),
                    List.of(exemptRule("general/relax", "baseline/block", Verdict.ALLOW, "")))));
    assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
    assertThat(r.applied()).isEmpty();
    assertThat(r.relaxations())
        .extracting(Resolution.Relaxation::outcome)
        .containsExactly("kept-mandatory");
  }

  @Test
  void nonOverridableActionIsKept() {
    Resolution r =
        resolver.resolve(
            List.of(
                tier("general", List.of(action("general/block", Verdict.BLOCK, false)), List.of()),
                tier(
                    "app/x",
                    List.of(),
                    List.of(exemptRule("app/x/relax", "general/block", Verdict.ALLOW, "")))));
    assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
  }

  @Test
  void aTierCannotRelaxAMoreAuthoritativeOneFromAbove() {
    Resolution r =
        resolver.resolve(
            List.of(
                tier(
                    "general",
                    List.of(),
                    List.of(exemptRule("general/relax", "app/x/block", Verdict.ALLOW, ""))),
                tier("app/x", List.of(action("app/x/block", Verdict.BLOCK, true)), List.of())));
    assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
  }

  @Test
  void lowerTurnsBlockIntoRedact() {
    Resolution r =
        resolver.resolve(
            List.of(
                tier(
                    "general",
                    List.of(
                        action("general/block", Verdict.BLOCK, true, finding("PROFANITY", 0, 4))),
                    List.of()),
                tier(
                    "tenant/acme",
                    List.of(),
                    List.of(
                        exemptRule("tenant/acme/soften", "general/block", Verdict.REDACT, "")))));
    assertThat(r.verdict()).isEqualTo(Verdict.REDACT);
    assertThat(r.standing().get(0).verdict()).isEqualTo(Verdict.REDACT);
  }

  @Test
  void typeExemptionNarrowsFindingsAndDropsEmptiedActions() {
    Finding email = finding("EMAIL_ADDRESS", 0, 5);
    Finding phone = finding("PHONE_NUMBER", 6, 10);
    Exemption keepPhones =
        new Exemption(
            "industry/healthcare/keep-phones",
            "industry/healthcare",
            "callbacks",
            null,
            "PHONE_NUMBER",
            Verdict.ALLOW,
            "",
            null);
    Resolution r =
        resolver.resolve(
            List.of(
                tier(
                    "general",
                    List.of(
                        action("general/redact-pii", Verdict.REDACT, true, email, phone),
                        action("general/redact-phones", Verdict.REDACT, true, phone)),
                    List.of()),
                tier("industry/healthcare", List.of(), List.of(keepPhones))));
    assertThat(r.standing()).hasSize(1);
    assertThat(r.standing().get(0).findings()).containsExactly(email);
  }

  @Test
  void expiredExemptionNoLongerApplies() {
    Resolution r =
        resolver.resolve(
            List.of(
                tier("general", List.of(action("general/block", Verdict.BLOCK, true)), List.of()),
                tier(
                    "app/x",
                    List.of(),
                    List.of(
                        exemptRule("app/x/relax", "general/block", Verdict.ALLOW, "2026-11-27")))));
    assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
    assertThat(r.relaxations())
        .extracting(Resolution.Relaxation::outcome)
        .containsExactly("expired");
  }

  @Test
  void exemptionEndingTodayStillApplies() {
    Resolution r =
        resolver.resolve(
            List.of(
                tier("general", List.of(action("general/block", Verdict.BLOCK, true)), List.of()),
                tier(
                    "app/x",
                    List.of(),
                    List.of(
                        exemptRule("app/x/relax", "general/block", Verdict.ALLOW, "2026-11-28")))));
    assertThat(r.verdict()).isEqualTo(Verdict.ALLOW);
  }
}
