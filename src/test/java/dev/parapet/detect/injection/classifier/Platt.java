package dev.parapet.detect.injection.classifier;

/**
 * Platt scaling: fits {@code p = 1 / (1 + exp(-(a * margin + b)))} to labelled margins, minimizing
 * the log loss against Platt's smoothed targets by Newton steps with a backtracking line search
 * (Lin, Lin and Weng's safeguarded version), so that it converges on any data.
 */
final class Platt {

  private Platt() {}

  static float[] fit(double[] margins, boolean[] labels) {
    int positives = 0;
    for (boolean l : labels) {
      positives += l ? 1 : 0;
    }
    int negatives = labels.length - positives;
    double hi = (positives + 1.0) / (positives + 2.0);
    double lo = 1.0 / (negatives + 2.0);
    double[] t = new double[margins.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = labels[i] ? hi : lo;
    }
    double a = 1;
    double b = 0;
    double loss = loss(margins, t, a, b);
    for (int iteration = 0; iteration < 100; iteration++) {
      double ga = 0;
      double gb = 0;
      double haa = 1e-12;
      double hab = 0;
      double hbb = 1e-12;
      for (int i = 0; i < margins.length; i++) {
        double p = sigmoid(a * margins[i] + b);
        double r = p - t[i];
        double v = p * (1 - p);
        ga += r * margins[i];
        gb += r;
        haa += v * margins[i] * margins[i];
        hab += v * margins[i];
        hbb += v;
      }
      if (Math.abs(ga) < 1e-7 && Math.abs(gb) < 1e-7) {
        break;
      }
      double det = haa * hbb - hab * hab;
      double da = -(hbb * ga - hab * gb) / det;
      double db = -(haa * gb - hab * ga) / det;
      double slope = ga * da + gb * db;
      double step = 1;
      while (step >= 1e-10) {
        double na = a + step * da;
        double nb = b + step * db;
        double nl = loss(margins, t, na, nb);
        if (nl <= loss + 1e-4 * step * slope) {
          a = na;
          b = nb;
          loss = nl;
          break;
        }
        step /= 2;
      }
      if (step < 1e-10) {
        break;
      }
    }
    return new float[] {(float) a, (float) b};
  }

  private static double loss(double[] margins, double[] t, double a, double b) {
    double sum = 0;
    for (int i = 0; i < margins.length; i++) {
      double z = a * margins[i] + b;
      // log(1 + exp(-z)) and log(1 + exp(z)), stable for large |z|
      double softMinus = z >= 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
      double softPlus = softMinus + z;
      sum += t[i] * softMinus + (1 - t[i]) * softPlus;
    }
    return sum;
  }

  private static double sigmoid(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }
}
