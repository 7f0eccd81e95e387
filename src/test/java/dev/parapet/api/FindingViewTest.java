package dev.parapet.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A finding's evidence is on the wire only when the caller asked for an explanation. */
class FindingViewTest {

  private final Finding scored =
      new Finding("injection", "PROMPT_INJECTION", 0, 10, Severity.HIGH, 0.8, "injection/override")
          .withSignals(List.of("override", "persona"));

  @Test
  void explainedFindingsCarryTheirSignals() {
    assertThat(CheckResponse.FindingView.of(scored, true).signals())
        .containsExactly("override", "persona");
  }

  @Test
  void plainAnswersLeaveTheSignalsOut() {
    assertThat(CheckResponse.FindingView.of(scored, false).signals()).isEmpty();
  }
}
