package dev.parapet.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code bin/parapet} on the packaged build: the result and nothing else, on a quiet terminal. */
class ParapetScriptIT {

  @Test
  void testCommandPrintsOnlyItsResult() throws Exception {
    Process cli = new ProcessBuilder("bin/parapet", "test").redirectErrorStream(true).start();
    assertThat(cli.waitFor(180, TimeUnit.SECONDS)).as("finishes").isTrue();
    String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(cli.exitValue()).as(output).isZero();
    assertThat(output.strip().lines())
        .as(output)
        .singleElement()
        .asString()
        .matches("\\d+ policy test case\\(s\\), 0 failed, policy sha256:[0-9a-f]{64}");
  }
}
