package dev.parapet.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.model.SourceProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationLinesTest {

  @Test
  void takesTenantProfileStageAndContext() {
    List<SourceProblem> problems = new ArrayList<>();
    List<LabelledCase> cases =
        Evaluation.parse(
            "{\"text\":\"hi\",\"tenant\":\"acme\",\"profile\":\"strict\",\"stage\":\"output\","
                + "\"context\":{\"app\":\"bot\"},\"expected\":\"allow\"}\n",
            problems);

    assertThat(problems).isEmpty();
    assertThat(cases)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.tenant()).isEqualTo("acme");
              assertThat(c.profile()).isEqualTo("strict");
              assertThat(c.stage()).isEqualTo("output");
              assertThat(c.context()).isEqualTo(Map.of("app", "bot"));
            });
  }

  @Test
  void aMisspeltKeyIsAProblemWithTheSuggestion() {
    List<SourceProblem> problems = new ArrayList<>();
    List<LabelledCase> cases =
        Evaluation.parse(
            "{\"text\":\"ok\",\"expected\":\"allow\"}\n"
                + "{\"text\":\"hi\",\"tennant\":\"acme\",\"expected\":\"allow\"}\n",
            problems);

    assertThat(cases).hasSize(1);
    assertThat(problems)
        .extracting(SourceProblem::toString)
        .containsExactly("evaluation:2: unknown key `tennant`; did you mean `tenant`?");
  }
}
