package dev.parapet.bench;

import dev.parapet.check.CheckRequest;
import dev.parapet.check.CheckService;
import dev.parapet.check.PolicyTests;
import dev.parapet.model.Stage;
import dev.parapet.policy.Policy;
import dev.parapet.policy.PolicyLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The adversarial text's whole-pipeline cost as a multiple of benign prose, measured in pairs of
 * short slices that alternate in one JVM. On a shared VM whose speed drifts from minute to minute,
 * JMH measures the two texts in different minutes (and forks), so its ratio carries the drift;
 * a pair's two slices are seconds apart, and the median over pairs leaves the drift out.
 *
 * <pre>
 * java -Xmx3g -Dlogging.initial-configurator.min-level=INFO \
 *   -cp target/test-classes:target/classes:$(cat cp.txt) dev.parapet.bench.DenseTextRatio \
 *   [size=1000000] [seconds per slice=3] [pairs=12] [warm-up pairs=3]
 * </pre>
 */
public final class DenseTextRatio {

  private DenseTextRatio() {}

  public static void main(String[] args) {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
    int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 12;
    int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    Policy policy = PolicyLoader.load(Path.of("rules"), Path.of("lexicons"));
    ExecutorService longTexts = Executors.newSingleThreadExecutor();
    CheckService service = PolicyTests.offline(policy, longTexts);
    CheckRequest benign = request(Texts.of("benign", size));
    CheckRequest adversarial = request(Texts.of("adversarial", size));
    PairedSlices.Result result =
        PairedSlices.run(
            "benign",
            () -> PairedSlices.msPerRun(() -> service.evaluate(benign), seconds),
            "adversarial",
            () -> PairedSlices.msPerRun(() -> service.evaluate(adversarial), seconds),
            warmUp,
            pairs,
            false);
    PairedSlices.print(
        "median over %d pairs of %d chars: benign %.2f ms, adversarial %.2f ms, ratio %.2f"
            + " (pairs from %.2f to %.2f)",
        pairs,
        size,
        result.firstMs(),
        result.secondMs(),
        result.ratio(),
        result.lowest(),
        result.highest());
    longTexts.shutdownNow();
  }

  private static CheckRequest request(String text) {
    return new CheckRequest(text, Stage.INPUT, "default", "", "bench", Map.of(), false);
  }
}
