package dev.parapet.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.model.InvalidPolicyException;
import dev.parapet.model.SourceProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A DRL mistake is reported at its own line, not a rule away. */
class DrlErrorLinesTest {

  /** Lines 4 to 9 of every file: a rule that compiles. */
  static final String FIRST_RULE =
      "rule \"One\"\nwhen\n  $f : Finding(type == \"A\")\nthen\n  decide.block(\"a\", $f);\nend\n";

  @TempDir Path dir;

  private List<SourceProblem> problems(String rest) throws Exception {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Path lexicons = Files.createDirectories(dir.resolve("lexicons"));
    StrictPolicyFilesTest.write(
        rules, "profiles.yaml", "profiles:\n  default:\n    tiers: [baseline]\n");
    StrictPolicyFilesTest.write(
        rules, "baseline/a.drl", PolicyLoaderTest.HEADER + FIRST_RULE + "\n" + rest);
    try {
      PolicyLoader.load(rules, lexicons);
    } catch (InvalidPolicyException e) {
      return e.problems();
    }
    throw new AssertionError("the policy loaded");
  }

  @Test
  void aMisspeltKeywordIsReportedAtItsLineWithTheKeyword() throws Exception {
    List<SourceProblem> problems =
        problems(
            "rule \"Two\"\nwhen\n  $f : Finding(type == \"B\")\nten\n"
                + "  decide.block(\"b\", $f);\nend\n");

    assertThat(problems)
        .extracting(SourceProblem::toString)
        .containsExactly("baseline/a.drl:14: `ten` is not a DRL keyword; did you mean `then`?");
  }

  @Test
  void aMissingSemicolonIsReportedAtTheStatement() throws Exception {
    List<SourceProblem> problems =
        problems(
            "rule \"Two\"\nwhen\n  $f : Finding(type == \"B\")\nthen\n"
                + "  decide.block(\"b\", $f)\n  decide.block(\"c\", $f);\nend\n");

    assertThat(problems)
        .extracting(SourceProblem::toString)
        .containsExactly("baseline/a.drl:15: missing `;` at the end of this statement");
  }

  @Test
  void anUnknownFactFieldIsReportedAtItsLineWithTheNearestField() throws Exception {
    List<SourceProblem> problems =
        problems(
            "rule \"Two\"\nwhen\n  $f : Finding(typ == \"B\")\nthen\n"
                + "  decide.block(\"b\", $f);\nend\n");

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(13);
              assertThat(p.message()).startsWith("unknown field `typ`; did you mean `type`?");
            });
  }

  @Test
  void aHashCommentIsReportedAtItsLine() throws Exception {
    List<SourceProblem> problems =
        problems(
            "# blocks B\nrule \"Two\"\nwhen\n  $f : Finding(type == \"B\")\nthen\n"
                + "  decide.block(\"b\", $f);\nend\n");

    assertThat(problems)
        .extracting(SourceProblem::toString)
        .containsExactly(
            "baseline/a.drl:11: `#` does not start a comment in DRL; write `//` instead");
  }
}
