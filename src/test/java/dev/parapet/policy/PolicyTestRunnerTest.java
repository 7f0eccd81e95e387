package dev.parapet.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.model.SourceProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line runs the cases on every core; what it reports must not depend on that. */
class PolicyTestRunnerTest {

  @TempDir Path rules;

  @Test
  void casesRunInParallelAreAllRunAndTheirFailuresReportedInFileOrder() throws Exception {
    StringBuilder cases = new StringBuilder("cases:\n");
    for (int i = 0; i < 40; i++) {
      String decision = i % 7 == 3 ? "block" : "allow";
      cases.append("  - name: case ").append(i).append("\n    text: t").append(i);
      cases.append("\n    expect: { decision: ").append(decision).append(" }\n");
    }
    StrictPolicyFilesTest.write(rules, "a/first.test.yaml", cases.toString());
    StrictPolicyFilesTest.write(rules, "b/second.test.yaml", cases.toString());
    Set<String> threads = ConcurrentHashMap.newKeySet();
    PolicyTestCase.Checker allowEverything =
        c -> {
          threads.add(Thread.currentThread().getName());
          return new PolicyTestCase.Outcome("allow", List.of(), List.of(), c.text(), null);
        };

    PolicyTestRunner.Report parallel = PolicyTestRunner.run(rules, allowEverything, true);
    PolicyTestRunner.Report serial = PolicyTestRunner.run(rules, allowEverything, false);

    assertThat(parallel.cases()).isEqualTo(80);
    assertThat(parallel.failures()).isEqualTo(serial.failures()).hasSize(12);
    assertThat(parallel.failures())
        .extracting(SourceProblem::toString)
        .startsWith(
            "a/first.test.yaml:11: case 'case 3': expected decision block, got allow"
                + " (rules fired: [], types found: [])");
    assertThat(parallel.failures().get(6).file()).isEqualTo("b/second.test.yaml");
  }
}
