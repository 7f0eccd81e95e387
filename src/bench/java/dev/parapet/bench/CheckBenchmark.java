package dev.parapet.bench;

import dev.parapet.check.CheckRequest;
import dev.parapet.check.CheckService;
import dev.parapet.check.PolicyTests;
import dev.parapet.model.Stage;
import dev.parapet.policy.Policy;
import dev.parapet.policy.PolicyLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole pipeline in-process (normalize, detect, decide, resolve, redact; audit off) against
 * the starter policy. Run: {@code mvn -Pbench test-compile exec:exec -Djmh.args=CheckBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-Dlogging.initial-configurator.min-level=INFO"})
public class CheckBenchmark {

  @Param({"2048"})
  public int size;

  @Param({"benign", "mixed"})
  public String kind;

  /** Generated terms added to the starter lexicons: the target is set at 100k. */
  @Param({"0", "100000"})
  public int extraTerms;

  private CheckService service;
  private CheckRequest request;

  @Setup
  public void setUp() {
    Path lexicons = Path.of("lexicons");
    if (extraTerms > 0) {
      lexicons = SyntheticLexicon.write(SyntheticLexicon.terms(extraTerms, 7));
      try (java.util.stream.Stream<Path> starter = java.nio.file.Files.list(Path.of("lexicons"))) {
        for (Path file : starter.toList()) {
          java.nio.file.Files.copy(file, lexicons.resolve(file.getFileName()));
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    Policy policy = PolicyLoader.load(Path.of("rules"), lexicons);
    service = PolicyTests.offline(policy, Executors.newSingleThreadExecutor());
    request =
        new CheckRequest(
            Texts.of(kind, size), Stage.INPUT, "default", "acme", "bench", Map.of(), false);
  }

  @Benchmark
  public Object check() {
    return service.evaluate(request);
  }
}
