package dev.parapet.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.model.Action;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.InvalidPolicyException;
import dev.parapet.model.RuleError;
import dev.parapet.model.Severity;
import dev.parapet.model.SourceProblem;
import dev.parapet.model.Stage;
import dev.parapet.model.TierOutcome;
import dev.parapet.model.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {

  static final String HEADER =
      "package t;\nimport dev.parapet.model.*;\nglobal dev.parapet.policy.Decide decide;\n";
  static final String PROFILES =
      "defaultProfile: default\n"
          + "profiles:\n"
          + "  default:\n"
          + "    tiers: [baseline, general, \"tenant/${tenant}\"]\n"
          + "    redaction: { default: replace, CREDIT_CARD: keep-last-4 }\n";

  @TempDir Path dir;
  Path rules;
  Path lexicons;

  @BeforeEach
  void layout() throws Exception {
    rules = Files.createDirectories(dir.resolve("rules"));
    lexicons = Files.createDirectories(dir.resolve("lexicons"));
    write("profiles.yaml", PROFILES);
    write(
        "baseline/critical.drl",
        HEADER
            + "rule \"BlockCriticalContent\"\nwhen\n"
            + "  $f : Finding(severity == Severity.CRITICAL)\nthen\n"
            + "  decide.block(\"critical content\", $f);\nend\n");
    write(
        "general/profanity.drl",
        HEADER
            + "rule \"RedactProfanity\" @overridable(true)\nwhen\n"
            + "  $f : Finding(type == \"PROFANITY\")\nthen\n"
            + "  decide.redact(\"masked\", $f);\nend\n");
  }

  void write(String relative, String content) throws Exception {
    Path file = rules.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  static Finding finding(String type, Severity severity, int start) {
    return new Finding("lexicon", type, start, start + 4, severity, 1.0, "lexicon/x");
  }

  static CheckContext context(String tenant) {
    return new CheckContext(Stage.INPUT, "default", tenant, Map.of("app", "bot"), 20);
  }

  @Test
  void compilesTiersAndNamesRulesByTierAndKebabCase() {
    Policy policy = PolicyLoader.load(rules, lexicons);
    assertThat(policy.tiers()).containsOnlyKeys("baseline", "general");
    assertThat(policy.tiers().get("baseline").ruleIds())
        .containsExactly("baseline/block-critical-content");
    assertThat(policy.version()).matches("sha256:[0-9a-f]{64}");
  }

  @Test
  void keepsPrebuiltLexiconIndexesInTheGivenDirectory() throws Exception {
    Files.writeString(lexicons.resolve("weapons.yaml"), "category: weapons\nseverity: critical\n");
    Files.writeString(lexicons.resolve("weapons.txt"), "pipe bomb\n");
    Path cache = dir.resolve("cache");
    Policy built = PolicyLoader.load(rules, lexicons, Clock.systemUTC(), cache);
    Policy reopened = PolicyLoader.load(rules, lexicons, Clock.systemUTC(), cache);
    assertThat(reopened.version()).isEqualTo(built.version());
    assertThat(reopened.detectorSet().lexicons()).isEqualTo(built.detectorSet().lexicons());
    try (var sets = Files.list(cache)) {
      assertThat(sets.map(p -> p.getFileName().toString()).toList())
          .singleElement()
          .asString()
          .matches("[0-9a-f]{64}");
    }
  }

  /** Sessions run without locks, one per request: requests checked at once must not mix. */
  @Test
  void requestsEvaluatedAtOnceEachGetTheirOwnFindingsBack() throws Exception {
    Policy policy = PolicyLoader.load(rules, lexicons);
    int requests = 64;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> answers = new ArrayList<>();
      for (int r = 0; r < requests; r++) {
        int request = r;
        answers.add(
            pool.submit(
                () -> {
                  List<Finding> mine = new ArrayList<>();
                  for (int i = 0; i < 200; i++) {
                    mine.add(finding("PROFANITY", Severity.MEDIUM, request * 10_000 + i * 10));
                  }
                  for (int round = 0; round < 20; round++) {
                    List<TierOutcome> outcomes =
                        policy.evaluate(policy.defaultProfile(), context(""), mine);
                    List<Finding> redacted = outcomes.get(1).actions().get(0).findings();
                    if (!outcomes.get(0).actions().isEmpty() || !redacted.equals(mine)) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> answer : answers) {
        assertThat(answer.get(60, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void evaluatesTiersInProfileOrderWithActionsCarryingFindings() {
    Policy policy = PolicyLoader.load(rules, lexicons);
    Finding swear = finding("PROFANITY", Severity.MEDIUM, 0);
    Finding bomb = finding("WEAPONS", Severity.CRITICAL, 5);
    List<TierOutcome> outcomes =
        policy.evaluate(policy.defaultProfile(), context(""), List.of(swear, bomb));
    assertThat(outcomes).extracting(TierOutcome::tier).containsExactly("baseline", "general");
    Action block = outcomes.get(0).actions().get(0);
    assertThat(block.verdict()).isEqualTo(Verdict.BLOCK);
    assertThat(block.findings()).containsExactly(bomb);
    assertThat(block.overridable()).isFalse();
    Action redact = outcomes.get(1).actions().get(0);
    assertThat(redact.ruleId()).isEqualTo("general/redact-profanity");
    assertThat(redact.overridable()).isTrue();
  }

  @Test
  void repeatedFiringsOfOneRuleMergeIntoOneAction() {
    Policy policy = PolicyLoader.load(rules, lexicons);
    List<TierOutcome> outcomes =
        policy.evaluate(
            policy.defaultProfile(),
            context(""),
            List.of(finding("PROFANITY", Severity.LOW, 0), finding("PROFANITY", Severity.LOW, 9)));
    assertThat(outcomes.get(1).actions())
        .singleElement()
        .satisfies(a -> assertThat(a.findings()).hasSize(2));
  }

  @Test
  void tenantTierRunsOnlyForItsTenant() throws Exception {
    write(
        "tenant/acme/strict.drl",
        HEADER
            + "rule \"BlockLongTexts\"\nwhen\n  CheckContext(textLength > 10)\nthen\n"
            + "  decide.block(\"acme keeps prompts short\");\nend\n");
    Policy policy = PolicyLoader.load(rules, lexicons);
    assertThat(policy.evaluate(policy.defaultProfile(), context("acme"), List.of()))
        .extracting(TierOutcome::tier)
        .containsExactly("baseline", "general", "tenant/acme");
    assertThat(policy.evaluate(policy.defaultProfile(), context("other"), List.of()))
        .extracting(TierOutcome::tier)
        .containsExactly("baseline", "general");
    assertThat(policy.evaluate(policy.defaultProfile(), context("../baseline"), List.of()))
        .hasSize(2);
  }

  @Test
  void compileErrorNamesFileAndLine() throws Exception {
    write(
        "general/broken.drl",
        HEADER + "rule \"Broken\"\nwhen\n  Finding(typ == \"X\")\nthen\nend\n");
    assertThatThrownBy(() -> PolicyLoader.load(rules, lexicons))
        .isInstanceOfSatisfying(
            InvalidPolicyException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(
                        p -> {
                          assertThat(p.file()).isEqualTo("general/broken.drl");
                          assertThat(p.line()).isEqualTo(6);
                        }));
  }

  @Test
  void aBrokenRuleAndABrokenRecognizerAreBothReported() throws Exception {
    // the detectors build on their own thread beside the rule compilation: neither report is lost
    write(
        "general/broken.drl",
        HEADER + "rule \"Broken\"\nwhen\n  Finding(typ == \"X\")\nthen\nend\n");
    write("recognizers/bad.yaml", "recognizers:\n  - name: no-pattern\n    type: X\n");
    assertThatThrownBy(() -> PolicyLoader.load(rules, lexicons))
        .isInstanceOfSatisfying(
            InvalidPolicyException.class,
            e ->
                assertThat(e.problems())
                    .extracting(SourceProblem::file)
                    .anyMatch(f -> f.equals("general/broken.drl"))
                    .anyMatch(f -> f.contains("bad.yaml")));
  }

  @Test
  void baselineRuleCannotBeOverridable() throws Exception {
    write(
        "baseline/soft.drl",
        HEADER + "rule \"Soft\" @overridable(true)\nwhen\nthen\n  decide.allow(\"x\");\nend\n");
    assertThatThrownBy(() -> PolicyLoader.load(rules, lexicons))
        .isInstanceOfSatisfying(
            InvalidPolicyException.class,
            e ->
                assertThat(e.problems())
                    .extracting(SourceProblem::message)
                    .anyMatch(m -> m.contains("never be overridable")));
  }

  @Test
  void unreadableEndDateIsALoadErrorAtItsRule() throws Exception {
    write(
        "tenant/acme/soon.drl",
        HEADER
            + "rule \"Soon\" @approvedBy(\"jane.doe\") @validUntil(\"2026-02-30\")\n"
            + "when\n  CheckContext()\nthen\n"
            + "  decide.exemptType(\"PROFANITY\", \"soon\");\nend\n");
    assertThatThrownBy(() -> PolicyLoader.load(rules, lexicons))
        .isInstanceOfSatisfying(
            InvalidPolicyException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(
                        p -> {
                          assertThat(p.file()).endsWith("soon.drl");
                          assertThat(p.line()).isEqualTo(4);
                          assertThat(p.message()).contains("@validUntil");
                        }));
  }

  @Test
  void ruleThatThrowsBecomesARuleErrorNamingTheRule() throws Exception {
    write(
        "general/faulty.drl",
        HEADER
            + "rule \"Faulty\"\nwhen\n  CheckContext()\nthen\n"
            + "  Object o = null; o.toString();\nend\n");
    Policy policy = PolicyLoader.load(rules, lexicons);
    TierOutcome general = policy.evaluate(policy.defaultProfile(), context(""), List.of()).get(1);
    assertThat(general.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.ruleId()).isEqualTo("general/faulty");
              assertThat(e.message()).contains("NullPointerException");
            });
  }

  /** Rule sessions are pooled: one check must leave nothing behind for the next. */
  @Test
  void aCheckAfterARuleThrowsStartsFromAnEmptySession() throws Exception {
    write(
        "general/faulty.drl",
        HEADER
            + "rule \"Faulty\"\nwhen\n  Finding(type == \"BOOM\")\nthen\n"
            + "  Object o = null; o.toString();\nend\n");
    Policy policy = PolicyLoader.load(rules, lexicons);
    Finding boom = finding("BOOM", Severity.LOW, 0);
    Finding profanity = finding("PROFANITY", Severity.LOW, 10);

    TierOutcome failed =
        policy.evaluate(policy.defaultProfile(), context(""), List.of(boom, profanity)).get(1);
    assertThat(failed.errors())
        .singleElement()
        .extracting(RuleError::ruleId)
        .isEqualTo("general/faulty");

    TierOutcome next =
        policy.evaluate(policy.defaultProfile(), context(""), List.of(profanity)).get(1);
    assertThat(next.errors()).isEmpty();
    assertThat(next.actions())
        .singleElement()
        .satisfies(a -> assertThat(a.findings()).containsExactly(profanity));

    TierOutcome empty = policy.evaluate(policy.defaultProfile(), context(""), List.of()).get(1);
    assertThat(empty.actions()).isEmpty();
    assertThat(empty.errors()).isEmpty();
  }

  @Test
  void checksOnManyThreadsEachSeeOnlyTheirOwnFindings() throws Exception {
    Policy policy = PolicyLoader.load(rules, lexicons);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        int start = i * 10;
        results.add(
            threads.submit(
                () -> {
                  List<Finding> mine = new ArrayList<>();
                  for (int k = 0; k < 1 + start % 7; k++) {
                    mine.add(finding("PROFANITY", Severity.LOW, start + k));
                  }
                  TierOutcome general =
                      policy.evaluate(policy.defaultProfile(), context(""), mine).get(1);
                  return general.actions().size() == 1
                      && general.actions().get(0).findings().equals(mine);
                }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void exemptionsCarryOwnerAndEndAndAreListed() throws Exception {
    write(
        "tenant/acme/exempt.drl",
        HEADER
            + "rule \"KeepProfanity\" @approvedBy(\"jane.doe\") @validUntil(\"2026-12-31\")\n"
            + "when\n  CheckContext()\nthen\n"
            + "  decide.exemptRule(\"general/redact-profanity\", \"gaming chat\");\nend\n"
            + "rule \"OldException\" @approvedBy(\"bob\") @validUntil(\"2025-01-01\")\n"
            + "when\n  CheckContext()\nthen\n"
            + "  decide.exemptType(\"PROFANITY\", \"old\");\nend\n");
    Clock clock = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);
    Policy policy = PolicyLoader.load(rules, lexicons, clock);
    assertThat(policy.exceptions())
        .extracting(PolicyException::id, PolicyException::approvedBy, PolicyException::inForce)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("tenant/acme/keep-profanity", "jane.doe", true),
            org.assertj.core.groups.Tuple.tuple("tenant/acme/old-exception", "bob", false));
    TierOutcome acme = policy.evaluate(policy.defaultProfile(), context("acme"), List.of()).get(2);
    assertThat(acme.exemptions())
        .anySatisfy(
            x -> {
              assertThat(x.targetRule()).isEqualTo("general/redact-profanity");
              assertThat(x.approvedBy()).isEqualTo("jane.doe");
              assertThat(x.expires()).isEqualTo(java.time.LocalDate.parse("2026-12-31"));
            });
  }

  @Test
  void versionChangesWhenAnyFileChanges() throws Exception {
    String before = PolicyLoader.load(rules, lexicons).version();
    Files.writeString(lexicons.resolve("x.yaml"), "category: test\n");
    Files.writeString(lexicons.resolve("x.txt"), "term\n");
    String after = PolicyLoader.load(rules, lexicons).version();
    assertThat(after).isNotEqualTo(before);
    assertThat(PolicyLoader.load(rules, lexicons).version()).isEqualTo(after);
  }

  @Test
  void profileErrorsNameTheLine() throws Exception {
    write(
        "profiles.yaml", "profiles:\n  default:\n    tiers: [baseline]\n    failMode: sideways\n");
    assertThatThrownBy(() -> PolicyLoader.load(rules, lexicons))
        .isInstanceOfSatisfying(
            InvalidPolicyException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(
                        p -> {
                          assertThat(p.file()).isEqualTo("profiles.yaml");
                          assertThat(p.line()).isEqualTo(4);
                          assertThat(p.message()).contains("sideways");
                        }));
  }

  @Test
  void profileNamingAMissingTierIsRefused() throws Exception {
    write("profiles.yaml", "profiles:\n  default:\n    tiers: [baseline, industry/space]\n");
    assertThatThrownBy(() -> PolicyLoader.load(rules, lexicons))
        .hasMessageContaining("industry/space");
  }

  @Test
  void profileSettingsAreRead() {
    Profile profile = PolicyLoader.load(rules, lexicons).defaultProfile();
    assertThat(profile.failMode()).isEqualTo(FailMode.CLOSED);
    assertThat(profile.redactionFor("CREDIT_CARD").wireName()).isEqualTo("keep-last-4");
    assertThat(profile.redactionFor("EMAIL_ADDRESS").wireName()).isEqualTo("replace");
    assertThat(profile.injectionThreshold()).isEqualTo(0.7);
  }
}
