package dev.parapet.bench;

import dev.parapet.detect.injection.classifier.ClassifierTraining;
import dev.parapet.detect.injection.classifier.ClassifierTraining.Example;
import dev.parapet.detect.injection.classifier.LeaveOneSourceOut;
import dev.parapet.detect.injection.classifier.LeaveOneSourceOut.Scored;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

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
    List<Scored> scored = LeaveOneSourceOut.run(corpus, unit -> unit.startsWith(prefix));
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
}
