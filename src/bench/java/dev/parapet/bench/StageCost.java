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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where one check's time goes: normalizing (with tokens), each detector over the normalized text,
 * and the whole pipeline, in microseconds per run, each the median of short slices taken in turn
 * so that a shared machine's drift touches every stage alike.
 *
 * <pre>
 * java -Xmx3g -Dlogging.initial-configurator.min-level=INFO \
 *   -cp target/test-classes:target/classes:$(cat cp.txt) dev.parapet.bench.StageCost mixed:2048 [rounds=10]
 * </pre>
 */
public final class StageCost {

  private StageCost() {}

  public static void main(String[] args) {
    String[] spec = (args.length > 0 ? args[0] : "mixed:2048").split(":");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    String text = Texts.of(spec[0], Integer.parseInt(spec[1]));
    Policy policy = PolicyLoader.load(Path.of("rules"), Path.of("lexicons"));
    ExecutorService longTexts = Executors.newSingleThreadExecutor();
    CheckService service = PolicyTests.offline(policy, longTexts);
    CheckRequest request =
        new CheckRequest(text, Stage.INPUT, "default", "", "bench", Map.of(), false);
    Normalizer normalizer = new Normalizer();
    CheckContext context =
        new CheckContext(
            Stage.INPUT, "default", "", Map.of(), text.codePointCount(0, text.length()));
    DetectorInput input = new DetectorInput(normalizer.normalize(text), context);
    input.text().tokens();
    Map<String, Runnable> stages = new LinkedHashMap<>();
    stages.put("normalize+tokens", () -> normalizer.normalize(text).tokens());
    for (Detector d : policy.detectors()) {
      stages.put(d.name(), () -> d.detect(input));
    }
    stages.put("pipeline", () -> service.evaluate(request));
    Map<String, List<Double>> times = new LinkedHashMap<>();
    stages.keySet().forEach(k -> times.put(k, new ArrayList<>()));
    for (int r = -3; r < rounds; r++) { // three rounds to warm up, not counted
      for (Map.Entry<String, Runnable> stage : stages.entrySet()) {
        double us = PairedSlices.msPerRun(stage.getValue(), 0.5) * 1000;
        if (r >= 0) {
          times.get(stage.getKey()).add(us);
        }
      }
    }
    for (Map.Entry<String, List<Double>> t : times.entrySet()) {
      PairedSlices.print("%-18s %8.1f us", t.getKey(), PairedSlices.median(t.getValue()));
    }
    longTexts.shutdownNow();
  }
}
