package dev.parapet.bench;

import dev.parapet.check.CheckRequest;
import dev.parapet.check.CheckService;
import dev.parapet.check.PolicyTests;
import dev.parapet.detect.Detector;
import dev.parapet.detect.DetectorInput;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Stage;
import dev.parapet.policy.Policy;
import dev.parapet.policy.PolicyLoader;
import dev.parapet.text.Normalizer;
import java.nio.file.Path;
import java.util.List;
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
 * Per-byte cost of normalization, of all detectors together, and of the whole pipeline, on benign
 * and adversarial texts of 20 KB and 1 MB. Scores are ms per text; MB/s = size / ms / 1000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx3g", "-Dlogging.initial-configurator.min-level=INFO"})
public class ThroughputBenchmark {

  @Param({"20000", "1000000"})
  public int size;

  @Param({"benign", "mixed", "adversarial"})
  public String kind;

  private String text;
  private Normalizer normalizer;
  private List<Detector> detectors;
  private DetectorInput input;
  private CheckService service;
  private CheckRequest request;

  @Setup
  public void setUp() {
    text = Texts.of(kind, size);
    normalizer = new Normalizer();
    Policy policy = PolicyLoader.load(Path.of("rules"), Path.of("lexicons"));
    detectors = policy.detectors();
    input =
        new DetectorInput(
            normalizer.normalize(text),
            new CheckContext(Stage.INPUT, "default", "", Map.of(), text.codePointCount(0, text.length())));
    service = PolicyTests.offline(policy, Executors.newSingleThreadExecutor());
    request = new CheckRequest(text, Stage.INPUT, "default", "", "bench", Map.of(), false);
  }

  @Benchmark
  public Object normalize() {
    return normalizer.normalize(text);
  }

  @Benchmark
  public int allDetectors() {
    int n = 0;
    for (Detector d : detectors) {
      n += d.detect(input).size();
    }
    return n;
  }

  @Benchmark
  public Object wholePipeline() {
    return service.evaluate(request);
  }
}
