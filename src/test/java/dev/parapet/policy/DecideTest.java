package dev.parapet.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.model.Action;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.model.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecideTest {

  private static final Decide.FiringRule MASK =
      new Decide.FiringRule("mask", "general", true, "", null);
  private static final Decide.FiringRule STOP =
      new Decide.FiringRule("stop", "general", false, "", null);

  private static Finding finding(int start) {
    return new Finding(
        "pii", "PHONE_NUMBER", start, start + 10, Severity.MEDIUM, 0.75, "pii/phone");
  }

  @Test
  void aRuleFiringPerFindingMakesOneActionListingEachFindingOnceInFiringOrder() {
    Decide decide = new Decide("general");
    Finding a = finding(0);
    Finding b = finding(20);
    Finding c = finding(40);

    decide.firing(MASK);
    decide.redact("phone numbers are masked", b);
    decide.redact("a later reason is not the action's", a);
    decide.redact("again", b, List.of(c, a)); // a join can hand the same fact over twice
    decide.firing(STOP);
    decide.block("and blocked", c);

    List<Action> actions = decide.actions();
    assertThat(actions).extracting(Action::ruleId).containsExactly("mask", "stop");
    assertThat(actions.get(0).reason()).isEqualTo("phone numbers are masked");
    assertThat(actions.get(0).verdict()).isEqualTo(Verdict.REDACT);
    assertThat(actions.get(0).findings()).containsExactly(b, a, c);
    assertThat(actions.get(1).findings()).containsExactly(c);
  }

  @Test
  void twoDistinctFindingsOfEqualValueAreBothListed() {
    Decide decide = new Decide("general");
    Finding first = finding(0);
    Finding equalButDistinct = finding(0);

    decide.firing(MASK);
    decide.redact("masked", first);
    decide.redact("masked", equalButDistinct);

    assertThat(decide.actions().get(0).findings()).hasSize(2);
  }

  @Test
  void decideOutsideAConsequenceAndAnythingButFindingsAreRefused() {
    Decide decide = new Decide("general");
    assertThatThrownBy(() -> decide.block("no rule", finding(0)))
        .isInstanceOf(IllegalStateException.class);
    decide.firing(STOP);
    assertThatThrownBy(() -> decide.block("not a finding", "text"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
