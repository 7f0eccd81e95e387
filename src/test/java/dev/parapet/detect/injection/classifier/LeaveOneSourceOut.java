package dev.parapet.detect.injection.classifier;

import dev.parapet.detect.injection.classifier.ClassifierTraining.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Leave-one-source-out: each unit of the corpus (a public collection, or one family of Parapet's
 * own texts) scored by a classifier trained, and calibrated, without it. Every source is
 * single-label or nearly so, so this measures what a random split hides: whether the model learned
 * attacks or only the style of the collections it saw.
 */
public final class LeaveOneSourceOut {

  /**
   * One held-out text, the probability the classifier that never saw its unit gave it, and the
   * score of the whole injection detector with that classifier (NaN where not measured).
   */
  public record Scored(Example example, double probability, double detector) {}

  /** The same texts with the detector's score where the classifier's was: for the same tables. */
  public static List<Scored> detectorView(List<Scored> scored) {
    return scored.stream().map(s -> new Scored(s.example(), s.detector(), s.detector())).toList();
  }

  private LeaveOneSourceOut() {}

  /** Scores every example whose unit {@code holdOut} accepts, each unit held out in turn. */
  public static List<Scored> run(List<Example> corpus, Predicate<String> holdOut) {
    return run(corpus, holdOut, Boolean.getBoolean("inj.raw"), model -> text -> Double.NaN);
  }

  /** As {@link #run(List, Predicate, boolean, Function)}, without the detector's score. */
  public static List<Scored> run(List<Example> corpus, Predicate<String> holdOut, boolean raw) {
    return run(corpus, holdOut, raw, model -> text -> Double.NaN);
  }

  /**
   * As {@link #run(List, Predicate)}, each text also scored by {@code detector} built on the fold's
   * classifier; {@code raw} skips the calibration (a quarter of the time), which changes no ranking
   * within a held-out unit, only the probabilities' meaning.
   */
  public static List<Scored> run(
      List<Example> corpus,
      Predicate<String> holdOut,
      boolean raw,
      Function<InjectionClassifier, ToDoubleFunction<String>> detector) {
    List<String> units = corpus.stream().map(Example::unit).distinct().sorted().toList();
    List<Scored> out = new ArrayList<>();
    for (String unit : units) {
      if (!holdOut.test(unit)) {
        continue;
      }
      List<Example> train = corpus.stream().filter(e -> !e.unit().equals(unit)).toList();
      InjectionClassifier model =
          raw
              ? ClassifierTraining.fit(train, 1f, 0f) // margins through a plain sigmoid: fast
              : ClassifierTraining.train(train);
      ToDoubleFunction<String> wired = detector.apply(model);
      for (Example e : corpus) {
        if (e.unit().equals(unit)) {
          out.add(new Scored(e, model.score(e.text()), wired.applyAsDouble(e.text())));
        }
      }
    }
    return out;
  }

  /** Recall over attacks and false-positive rate over benign texts at one threshold. */
  public record Rates(int attacks, int found, int benign, int flagged) {

    static Rates of(List<Scored> scored, double threshold) {
      int attacks = 0;
      int found = 0;
      int benign = 0;
      int flagged = 0;
      for (Scored s : scored) {
        boolean hit = s.probability() >= threshold;
        if (s.example().injection()) {
          attacks++;
          found += hit ? 1 : 0;
        } else {
          benign++;
          flagged += hit ? 1 : 0;
        }
      }
      return new Rates(attacks, found, benign, flagged);
    }

    public double recall() {
      return attacks == 0 ? Double.NaN : found / (double) attacks;
    }

    public double falsePositives() {
      return benign == 0 ? Double.NaN : flagged / (double) benign;
    }
  }

  /** The rates over everything scored. */
  public static Rates rates(List<Scored> scored, double threshold) {
    return Rates.of(scored, threshold);
  }

  /** A markdown table of the rates per group at one threshold, and over all. */
  public static String table(
      List<Scored> scored, Function<Example, String> group, String heading, double threshold) {
    Map<String, List<Scored>> groups = new TreeMap<>();
    for (Scored s : scored) {
      groups.computeIfAbsent(group.apply(s.example()), k -> new ArrayList<>()).add(s);
    }
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%n%s at threshold %.2f%n", heading, threshold));
    out.append("| held out | attacks | recall | benign | false positives |\n");
    out.append("|---|---:|---:|---:|---:|\n");
    groups.forEach((name, list) -> out.append(row(name, Rates.of(list, threshold))));
    out.append(row("**all**", Rates.of(scored, threshold)));
    return out.toString();
  }

  /** Threshold → recall and false positives, the calibration an officer picks a threshold from. */
  public static String calibration(List<Scored> scored) {
    StringBuilder out = new StringBuilder();
    out.append("\n| threshold | recall | false positives |\n|---:|---:|---:|\n");
    for (double t : new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98}) {
      Rates r = Rates.of(scored, t);
      out.append(
          String.format(
              Locale.ROOT, "| %.2f | %.3f | %.3f |%n", t, r.recall(), r.falsePositives()));
    }
    return out.toString();
  }

  /** The lowest threshold whose false-positive rate is at most {@code budget}. */
  public static double thresholdFor(List<Scored> scored, double budget) {
    double[] benign =
        scored.stream()
            .filter(s -> !s.example().injection())
            .mapToDouble(Scored::probability)
            .sorted()
            .toArray();
    int allowed = (int) Math.floor(budget * benign.length);
    if (benign.length == 0) {
      return 0;
    }
    // just above the highest benign score that would exceed the budget
    return Math.nextUp(benign[benign.length - 1 - allowed]);
  }

  private static String row(String name, Rates r) {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %s | %d | %s |%n",
        name,
        r.attacks(),
        r.attacks() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", r.recall()),
        r.benign(),
        r.benign() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", r.falsePositives()));
  }
}
