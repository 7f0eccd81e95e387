package dev.parapet.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.model.SourceProblem;
import dev.parapet.policy.Policy;
import dev.parapet.policy.PolicyLoader;
import dev.parapet.policy.PolicyTestRunner;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every {@code *.test.yaml} shipped beside the starter rules passes through the real pipeline. */
class ShippedPolicyTest {

  @Test
  void everyShippedPolicyTestPasses() {
    Path rules = Path.of("rules");
    Policy policy = PolicyLoader.load(rules, Path.of("lexicons"));
    PolicyTestRunner.Report report = PolicyTests.run(policy, rules);
    assertThat(report.cases()).isGreaterThan(20);
    assertThat(report.failures())
        .as(
            "policy test failures:\n%s",
            report.failures().stream()
                .map(SourceProblem::toString)
                .collect(Collectors.joining("\n")))
        .isEmpty();
  }
}
