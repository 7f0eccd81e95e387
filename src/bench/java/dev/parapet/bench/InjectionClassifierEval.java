package dev.parapet.bench;

import dev.parapet.detect.DetectorInput;
import dev.parapet.detect.injection.InjectionDetector;
import dev.parapet.detect.injection.classifier.ClassifierTraining;
import dev.parapet.detect.injection.classifier.ClassifierTraining.Example;
import dev.parapet.detect.injection.classifier.LeaveOneSourceOut;
import dev.parapet.detect.injection.classifier.InjectionClassifier;
import dev.parapet.detect.injection.classifier.LeaveOneSourceOut.Scored;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.Stage;
import dev.parapet.text.Normalizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The injection classifier measured leave-one-source-out over the committed corpus: per held-out
 * source, per family, and threshold → recall / false positives. Slow (one training per unit).
 *
 * <pre>
 * mvn -o -q -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -Xmx3g -cp target/test-classes:target/classes:$(cat cp.txt) \
 *   dev.parapet.bench.InjectionClassifierEval [threshold=0.5] [unit prefix, to hold out only some]
 * </pre>
 */
public final class InjectionClassifierEval {

  private InjectionClassifierEval() {}

  public static void main(String[] args) {
    double threshold = args.length > 0 ? Double.parseDouble(args[0]) : 0.5;
    String prefix = args.length > 1 ? args[1] : "";
    List<Example> corpus = ClassifierTraining.corpus(Path.of("corpus/injection"));
    long t0 = System.nanoTime();
    List<Scored> scored =
        LeaveOneSourceOut.run(
            corpus,
            unit -> unit.startsWith(prefix),
            Boolean.getBoolean("inj.raw"),
            InjectionClassifierEval::detectorScore);
    System.out.printf(
        Locale.ROOT,
        "%d texts held out one unit at a time, %.0f s%n",
        scored.size(),
        (System.nanoTime() - t0) / 1e9);
    System.out.println(
        LeaveOneSourceOut.table(
            scored, Example::unit, "leave-one-source-out", threshold));
    System.out.println(
        LeaveOneSourceOut.table(scored, Example::family, "by family (held out)", threshold));
    System.out.println("calibration (leave-one-source-out)" + LeaveOneSourceOut.calibration(scored));
    double atTwo = LeaveOneSourceOut.thresholdFor(scored, 0.02);
    System.out.println(
        LeaveOneSourceOut.table(
            scored, Example::family, "by family at 2% false positives (held out)", atTwo));
    budgets(scored);
    List<Scored> wired = LeaveOneSourceOut.detectorView(scored);
    System.out.println(
        "\n## the injection detector (signals + this classifier), leave-one-source-out");
    System.out.println(LeaveOneSourceOut.table(wired, Example::unit, "by held-out source", 0.7));
    System.out.println(LeaveOneSourceOut.table(wired, Example::family, "by family", 0.7));
    System.out.println("calibration of the detector's score" + LeaveOneSourceOut.calibration(wired));
    budgets(wired);
  }

  private static void budgets(List<Scored> scored) {
    for (double budget : new double[] {0.02, 0.05, 0.10}) {
      double t = LeaveOneSourceOut.thresholdFor(scored, budget);
      System.out.printf(
          Locale.ROOT,
          "at %.0f%% false positives: threshold %.3f, recall %.3f%n",
          budget * 100,
          t,
          LeaveOneSourceOut.rates(scored, t).recall());
    }
  }

  /** The detector, with the fold's classifier, as a function from text to its highest score. */
  static ToDoubleFunction<String> detectorScore(InjectionClassifier classifier) {
    InjectionDetector detector = new InjectionDetector(classifier);
    Normalizer normalizer = new Normalizer();
    return text -> {
      CheckContext context =
          new CheckContext(
              Stage.INPUT, "default", "", Map.of(), text.codePointCount(0, text.length()));
      return detector.detect(new DetectorInput(normalizer.normalize(text), context)).stream()
          .mapToDouble(Finding::score)
          .max()
          .orElse(0);
    };
  }
}
