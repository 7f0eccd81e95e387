package dev.parapet.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.model.SourceProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading warns about exemptions that can never apply and exceptions already expired. */
class PolicyWarningsTest {

  static final Clock DEC_2026 = Clock.fixed(Instant.parse("2026-12-08T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  Path rules;
  Path lexicons;

  @BeforeEach
  void layout() throws Exception {
    rules = Files.createDirectories(dir.resolve("rules"));
    lexicons = Files.createDirectories(dir.resolve("lexicons"));
    StrictPolicyFilesTest.write(
        rules,
        "profiles.yaml",
        "profiles:\n  default:\n    tiers: [baseline, general, \"tenant/${tenant}\"]\n");
    StrictPolicyFilesTest.write(
        rules,
        "baseline/critical.drl",
        PolicyLoaderTest.HEADER
            + "rule \"BlockCriticalContent\"\nwhen\n"
            + "  $f : Finding(severity == Severity.CRITICAL)\nthen\n"
            + "  decide.block(\"critical content\", $f);\nend\n");
    StrictPolicyFilesTest.write(
        rules,
        "general/profanity.drl",
        PolicyLoaderTest.HEADER
            + "rule \"RedactProfanity\" @overridable(true)\nwhen\n"
            + "  $f : Finding(type == \"PROFANITY\")\nthen\n"
            + "  decide.redact(\"masked\", $f);\nend\n"
            + "rule \"RedactInsults\"\nwhen\n"
            + "  $f : Finding(type == \"INSULT\")\nthen\n"
            + "  decide.redact(\"masked\", $f);\nend\n");
  }

  private void tenantRule(String body) throws Exception {
    StrictPolicyFilesTest.write(
        rules,
        "tenant/acme/exempt.drl",
        PolicyLoaderTest.HEADER
            + "rule \"Relax\" @approvedBy(\"ops\") @validUntil(\"2027-06-30\")\nwhen\n"
            + "  CheckContext()\nthen\n"
            + body
            + "end\n");
  }

  @Test
  void warnsAboutExemptingABaselineRuleAtItsLine() throws Exception {
    tenantRule("  decide.exemptRule(\"baseline/block-critical-content\", \"ours\");\n");

    Policy policy = PolicyLoader.load(rules, lexicons, DEC_2026);

    assertThat(policy.warnings())
        .extracting(SourceProblem::toString)
        .containsExactly(
            "tenant/acme/exempt.drl:8: exempts baseline/block-critical-content, a baseline rule,"
                + " which no tier may relax: the exemption never applies");
  }

  @Test
  void warnsAboutLoweringARuleNotMarkedOverridable() throws Exception {
    tenantRule("  decide.lower(\"general/redact-insults\", Verdict.ALLOW, \"ours\");\n");

    assertThat(PolicyLoader.load(rules, lexicons, DEC_2026).warnings())
        .extracting(SourceProblem::message)
        .containsExactly(
            "exempts general/redact-insults, which is not marked @overridable(true): the"
                + " exemption never applies");
  }

  @Test
  void warnsAboutExemptingARuleNoTierDefines() throws Exception {
    tenantRule("  decide.exemptRule(\"general/redact-profanty\", \"ours\");\n");

    assertThat(PolicyLoader.load(rules, lexicons, DEC_2026).warnings())
        .extracting(SourceProblem::message)
        .containsExactly(
            "exempts general/redact-profanty, which no tier defines: the exemption never applies");
  }

  @Test
  void anExemptionOfAnOverridableRuleInForceIsQuiet() throws Exception {
    tenantRule("  decide.exemptRule(\"general/redact-profanity\", \"ours\");\n");

    assertThat(PolicyLoader.load(rules, lexicons, DEC_2026).warnings()).isEmpty();
  }

  @Test
  void warnsAboutAnExceptionAlreadyExpired() throws Exception {
    tenantRule("  decide.exemptRule(\"general/redact-profanity\", \"ours\");\n");
    Clock july2027 = Clock.fixed(Instant.parse("2027-07-01T00:00:00Z"), ZoneOffset.UTC);

    assertThat(PolicyLoader.load(rules, lexicons, july2027).warnings())
        .extracting(SourceProblem::toString)
        .containsExactly(
            "rule tenant/acme/relax:0: the exception expired on 2027-06-30 and no longer applies;"
                + " renew it or remove it");
  }

  @Test
  void warnsAboutAnAllowlistEntryAlreadyExpired() throws Exception {
    StrictPolicyFilesTest.write(lexicons, "allow.yaml", "allowlist: true\n");
    StrictPolicyFilesTest.write(
        lexicons, "allow.txt", "# ok\nscunthorpe | approvedBy=ops | expires=2026-01-31\n");

    assertThat(PolicyLoader.load(rules, lexicons, DEC_2026).warnings())
        .extracting(SourceProblem::toString)
        .containsExactly(
            "allow.txt:2: the allowlist entry expired on 2026-01-31 and no longer applies;"
                + " renew it or remove it");
  }
}
