package dev.parapet.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.model.InvalidPolicyException;
import dev.parapet.model.SourceProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every YAML file the policy reads rejects unknown keys at their line, naming the nearest key. */
class StrictPolicyFilesTest {

  @TempDir Path dir;
  Path rules;
  Path lexicons;

  @BeforeEach
  void layout() throws Exception {
    rules = Files.createDirectories(dir.resolve("rules"));
    lexicons = Files.createDirectories(dir.resolve("lexicons"));
    write(rules, "profiles.yaml", PolicyLoaderTest.PROFILES);
    write(
        rules,
        "baseline/critical.drl",
        PolicyLoaderTest.HEADER
            + "rule \"BlockCriticalContent\"\nwhen\n"
            + "  $f : dev.parapet.model.Finding(severity == Severity.CRITICAL)\nthen\n"
            + "  decide.block(\"critical content\", $f);\nend\n");
    Files.createDirectories(rules.resolve("general"));
  }

  static void write(Path root, String relative, String content) throws Exception {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private List<SourceProblem> testProblems(String yaml) throws Exception {
    write(rules, "baseline/critical.test.yaml", yaml);
    List<SourceProblem> problems = new ArrayList<>();
    PolicyTestRunner.parse(rules, rules.resolve("baseline/critical.test.yaml"), problems);
    return problems;
  }

  @Test
  void aTestCaseWithAMisspeltKeyFailsWithTheSuggestion() throws Exception {
    List<SourceProblem> problems =
        testProblems(
            "cases:\n"
                + "  - name: acme's own term\n"
                + "    text: hello\n"
                + "    tennant: acme\n"
                + "    expect: { decision: allow }\n");

    assertThat(problems)
        .extracting(SourceProblem::toString)
        .containsExactly(
            "baseline/critical.test.yaml:4: case 'acme's own term': unknown key `tennant`;"
                + " did you mean `tenant`?");
  }

  @Test
  void anExpectWithOnlyAMisspeltKeyAssertsNothingAndFails() throws Exception {
    List<SourceProblem> problems =
        testProblems(
            "cases:\n"
                + "  - name: typo\n"
                + "    text: hello\n"
                + "    expect:\n"
                + "      decison: redact\n");

    assertThat(problems)
        .extracting(SourceProblem::toString)
        .containsExactly(
            "baseline/critical.test.yaml:5: case 'typo': expect: unknown key `decison`;"
                + " did you mean `decision`?",
            "baseline/critical.test.yaml:4: case 'typo': 'expect' asserts nothing: give one of"
                + " decision, rules, notRules, types, text, messages");
  }

  @Test
  void aWellFormedCaseParses() throws Exception {
    List<SourceProblem> problems = new ArrayList<>();
    write(
        rules,
        "baseline/critical.test.yaml",
        "cases:\n  - name: fine\n    text: hi\n    tenant: acme\n    expect: { decision: allow }\n");
    List<PolicyTestCase> cases =
        PolicyTestRunner.parse(rules, rules.resolve("baseline/critical.test.yaml"), problems);

    assertThat(problems).isEmpty();
    assertThat(cases).singleElement().satisfies(c -> assertThat(c.tenant()).isEqualTo("acme"));
    assertThat(cases.get(0).line()).isEqualTo(2);
  }

  @Test
  void aMisspeltProfileKeyFailsToLoadWithTheSuggestion() throws Exception {
    write(
        rules,
        "profiles.yaml",
        "defaultProfile: default\nprofiles:\n  default:\n    tiers: [baseline]\n"
            + "    failmode: open\n");

    assertThatThrownBy(() -> PolicyLoader.load(rules, lexicons))
        .isInstanceOfSatisfying(
            InvalidPolicyException.class,
            e ->
                assertThat(e.problems())
                    .extracting(SourceProblem::toString)
                    .contains(
                        "profiles.yaml:5: profile 'default': unknown key `failmode`;"
                            + " did you mean `failMode`?"));
  }

  @Test
  void aMisspeltTopLevelProfilesKeyFails() throws Exception {
    write(
        rules,
        "profiles.yaml",
        "defaultProfle: default\nprofiles:\n  default:\n    tiers: [baseline]\n");

    assertThatThrownBy(() -> PolicyLoader.load(rules, lexicons))
        .isInstanceOfSatisfying(
            InvalidPolicyException.class,
            e ->
                assertThat(e.problems())
                    .extracting(SourceProblem::toString)
                    .contains(
                        "profiles.yaml:1: unknown key `defaultProfle`;"
                            + " did you mean `defaultProfile`?"));
  }

  @Test
  void aMisspeltLexiconMetadataKeyFailsWithTheSuggestion() throws Exception {
    write(lexicons, "weapons.yaml", "category: weapons\nseverty: critical\n");
    write(lexicons, "weapons.txt", "pipe bomb\n");

    assertThatThrownBy(() -> PolicyLoader.load(rules, lexicons))
        .isInstanceOfSatisfying(
            InvalidPolicyException.class,
            e ->
                assertThat(e.problems())
                    .extracting(SourceProblem::toString)
                    .contains("weapons.yaml:2: unknown key `severty`; did you mean `severity`?"));
  }

  @Test
  void aMisspeltRecognizerKeyFailsWithTheSuggestion() throws Exception {
    write(
        rules,
        "recognizers/badge.yaml",
        "recognizers:\n"
            + "  - name: badge\n"
            + "    type: EMPLOYEE_BADGE\n"
            + "    patern: 'B-[0-9]{6}'\n");

    assertThatThrownBy(() -> PolicyLoader.load(rules, lexicons))
        .isInstanceOfSatisfying(
            InvalidPolicyException.class,
            e ->
                assertThat(e.problems())
                    .extracting(SourceProblem::toString)
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .endsWith(
                                    ":4: recognizer 'badge': unknown key `patern`;"
                                        + " did you mean `pattern`?")));
  }
}
