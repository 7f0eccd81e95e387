package dev.parapet.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.model.InvalidPolicyException;
import dev.parapet.model.SourceProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A reload swaps in only a version that loaded and passed its tests. */
class PolicyHolderTest {

  private static final SourceProblem BROKEN = new SourceProblem("general/x.drl", 3, "broken");
  private static final PolicyTestRunner.Report PASSED = new PolicyTestRunner.Report(2, List.of());
  private static Policy shipped;

  private final List<String> heard = new ArrayList<>();
  private final PolicyHolder.Listener listener =
      new PolicyHolder.Listener() {
        @Override
        public void loaded(
            Policy next, PolicyTestRunner.Report tests, PolicyHolder.ReloadOutcome outcome) {
          heard.add("loaded " + tests.cases());
        }

        @Override
        public void rejected(
            InvalidPolicyException problems, Policy serving, PolicyHolder.ReloadOutcome outcome) {
          heard.add("rejected " + problems.problems().size());
        }
      };

  @BeforeAll
  static void load() {
    shipped = PolicyLoader.load(Path.of("rules"), Path.of("lexicons"));
  }

  private static Supplier<Policy> failing() {
    return () -> {
      throw new InvalidPolicyException(List.of(BROKEN));
    };
  }

  @Test
  void servesNothingUntilAVersionLoads() {
    PolicyHolder holder = new PolicyHolder(failing(), p -> PASSED, listener);
    PolicyHolder.ReloadOutcome outcome = holder.reload();
    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.version()).isNull();
    assertThat(outcome.problems()).containsExactly(BROKEN);
    assertThat(holder.current()).isNull();
    assertThat(holder.lastReload()).isSameAs(outcome);
    assertThat(heard).containsExactly("rejected 1");
  }

  @Test
  void aBrokenReloadKeepsTheServingVersion() {
    List<Supplier<Policy>> loads = new ArrayList<>(List.of(() -> shipped, failing()));
    PolicyHolder holder = new PolicyHolder(() -> loads.remove(0).get(), p -> PASSED, listener);
    assertThat(holder.reload().ok()).isTrue();
    PolicyHolder.ReloadOutcome second = holder.reload();
    assertThat(second.ok()).isFalse();
    assertThat(second.version()).isEqualTo(shipped.version());
    assertThat(holder.current()).isSameAs(shipped);
    assertThat(heard).containsExactly("loaded 2", "rejected 1");
  }

  @Test
  void aVersionWhosePolicyTestsFailIsNotSwappedIn() {
    PolicyHolder holder =
        new PolicyHolder(
            () -> shipped, p -> new PolicyTestRunner.Report(5, List.of(BROKEN)), listener);
    PolicyHolder.ReloadOutcome outcome = holder.reload();
    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.problems()).containsExactly(BROKEN);
    assertThat(holder.current()).isNull();
  }
}
