package dev.parapet.detect.injection.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Trains the injection classifier from the committed corpus with liblinear 2.44 (L2-regularized
 * logistic regression, dual coordinate descent with a seeded shuffle) and writes the weights
 * Parapet ships. Every window a text is scored in is a training row of that text's label, so the
 * model never sees a text's length, only what its windows say.
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -Xmx2g -cp target/test-classes:target/classes:$(cat cp.txt) \
 *   dev.parapet.detect.injection.classifier.ClassifierTraining      # writes the resource
 * </pre>
 */
public final class ClassifierTraining {

  static final Path CORPUS = Path.of("corpus/injection");
  static final Path SHIPPED = Path.of("src/main/resources" + InjectionClassifier.RESOURCE);
  static final double C = Double.parseDouble(System.getProperty("inj.C", "2.0"));
  static final int MIN_UNITS = Integer.getInteger("inj.minUnits", 1);
  static final int CALIBRATION_FOLDS = 3;
  static final int MAX_WINDOWS = 4;
  static final int OWN_GROUPS = 4;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One labelled text of the corpus. */
  public record Example(String id, String text, boolean injection, String source, String family) {

    /**
     * What leave-one-source-out holds out: a public collection ({@code owner/repo}); Parapet's own
     * texts, all written by one hand, in four groups of whole families, so each kind is measured
     * unseen without a training per family.
     */
    public String unit() {
      int at = source.indexOf('@');
      String collection = at < 0 ? source : source.substring(0, at);
      return collection.startsWith("parapet/")
          ? "parapet/own-group-" + Math.floorMod(family.hashCode(), OWN_GROUPS)
          : collection;
    }
  }

  private ClassifierTraining() {}

  public static void main(String[] args) throws IOException {
    List<Example> corpus = corpus(CORPUS);
    InjectionClassifier model = train(corpus);
    Files.createDirectories(SHIPPED.getParent());
    Files.write(SHIPPED, model.write());
    System.err.printf(
        java.util.Locale.ROOT, "trained on %d texts, wrote %s%n", corpus.size(), SHIPPED);
  }

  /** Every example of every {@code *.jsonl} file in {@code dir}, in id order. */
  public static List<Example> corpus(Path dir) {
    List<Example> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode n = JSON.readTree(line);
          all.add(
              new Example(
                  n.get("id").asText(),
                  n.get("text").asText(),
                  n.get("label").asText().equals("injection"),
                  n.get("source").asText(),
                  n.get("family").asText()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    all.sort(Comparator.comparing(Example::id));
    return all;
  }

  /**
   * Trains on {@code examples}; the Platt scaling is fitted on margins each text got from a model
   * trained without its unit (folds by unit), so that the probability means what it says on a
   * source the model has not seen, not the training set's overconfidence.
   */
  public static InjectionClassifier train(List<Example> examples) {
    List<String> units = examples.stream().map(Example::unit).distinct().sorted().toList();
    double[] heldOut = new double[examples.size()];
    for (int fold = 0; fold < CALIBRATION_FOLDS; fold++) {
      List<Example> in = new ArrayList<>();
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < examples.size(); i++) {
        Example e = examples.get(i);
        if (Math.floorMod(units.indexOf(e.unit()), CALIBRATION_FOLDS) == fold) {
          out.add(i);
        } else {
          in.add(e);
        }
      }
      InjectionClassifier partial = fit(in, 1f, 0f);
      for (int i : out) {
        heldOut[i] = partial.worstWindow(examples.get(i).text()).margin();
      }
    }
    boolean[] labels = new boolean[examples.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = examples.get(i).injection();
    }
    float[] ab = Platt.fit(heldOut, labels);
    return fit(examples, ab[0], ab[1]);
  }

  /** liblinear on every window of every text, the two labels balanced by class weight. */
  static InjectionClassifier fit(List<Example> examples, float plattA, float plattB) {
    List<Feature[]> rows = new ArrayList<>();
    List<Double> labels = new ArrayList<>();
    int biasIndex = TextFeatures.DIMENSIONS + 1;
    boolean[] kept = sharedFeatures(examples);
    for (Example e : examples) {
      List<int[]> windows = InjectionClassifier.windows(e.text().length());
      int m = windows.size();
      int take = Math.min(m, MAX_WINDOWS);
      for (int k = 0; k < take; k++) {
        // spread evenly over the text when there are more windows than are taken
        int[] w = windows.get(take == 1 ? 0 : (int) Math.round(k * (m - 1) / (double) (take - 1)));
        rows.add(features(e.text(), w[0], w[1], biasIndex, kept));
        labels.add(e.injection() ? 1.0 : -1.0);
      }
    }
    Problem problem = new Problem();
    problem.l = rows.size();
    problem.n = biasIndex;
    problem.bias = 1.0;
    problem.x = rows.toArray(new Feature[0][]);
    problem.y = labels.stream().mapToDouble(Double::doubleValue).toArray();
    long positives = labels.stream().filter(y -> y > 0).count();
    long negatives = problem.l - positives;
    Parameter parameter = new Parameter(SolverType.L2R_LR_DUAL, C, 0.01);
    parameter.setRandom(new Random(23));
    parameter.setWeights(
        new double[] {
          problem.l / (2.0 * Math.max(1, positives)), problem.l / (2.0 * Math.max(1, negatives))
        },
        new int[] {1, -1});
    Linear.disableDebugOutput();
    Model model = Linear.train(problem, parameter);
    double sign = model.getLabels()[0] == 1 ? 1 : -1;
    double[] w = model.getFeatureWeights();
    float[] weights = new float[TextFeatures.DIMENSIONS];
    for (int f = 0; f < weights.length; f++) {
      weights[f] = (float) (sign * w[f]);
    }
    float bias = (float) (sign * w[TextFeatures.DIMENSIONS] * problem.bias);
    return new InjectionClassifier(weights, bias, plattA, plattB);
  }

  /**
   * The features that occur in texts of at least {@link #MIN_UNITS} units: one that a single
   * collection uses is that collection's style as likely as an attack's mark, and cannot be learned
   * to generalize.
   */
  static boolean[] sharedFeatures(List<Example> examples) {
    List<String> units = examples.stream().map(Example::unit).distinct().sorted().toList();
    java.util.BitSet[] seen = new java.util.BitSet[units.size()];
    for (int u = 0; u < seen.length; u++) {
      seen[u] = new java.util.BitSet(TextFeatures.DIMENSIONS);
    }
    for (Example e : examples) {
      java.util.BitSet s = seen[units.indexOf(e.unit())];
      TextFeatures.scan(e.text(), 0, e.text().length(), (feature, at) -> s.set(feature));
    }
    boolean[] kept = new boolean[TextFeatures.DIMENSIONS];
    for (int f = 0; f < kept.length; f++) {
      int n = 0;
      for (java.util.BitSet s : seen) {
        n += s.get(f) ? 1 : 0;
      }
      kept[f] = n >= MIN_UNITS;
    }
    return kept;
  }

  /** Counts over the square root of the window's feature count, as the classifier scores. */
  static Feature[] features(String text, int from, int to, int biasIndex, boolean[] kept) {
    int[] buffer = new int[Math.max(16, (to - from) * 5 + 8)];
    int[] size = {0};
    TextFeatures.scan(text, from, to, (feature, at) -> buffer[size[0]++] = feature);
    int total = size[0];
    int[] sorted = Arrays.copyOf(buffer, total);
    Arrays.sort(sorted);
    double norm = total == 0 ? 1 : Math.sqrt(total);
    List<Feature> x = new ArrayList<>();
    for (int i = 0; i < total; ) {
      int j = i;
      while (j < total && sorted[j] == sorted[i]) {
        j++;
      }
      if (kept[sorted[i]]) {
        x.add(new FeatureNode(sorted[i] + 1, (j - i) / norm));
      }
      i = j;
    }
    x.add(new FeatureNode(biasIndex, 1.0));
    return x.toArray(new Feature[0]);
  }
}
