package dev.parapet.detect.injection.classifier;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A logistic regression over {@link TextFeatures}, each feature valued by its count over the square
 * root of its window's feature count, and a Platt scaling that turns the margin into a calibrated
 * probability. Texts longer than {@link #SINGLE} chars are read in windows of {@link #WINDOW} chars
 * and the worst window counts: the model is trained on the same windows, so a long document is
 * neither diluted nor, for its length alone, suspect. Immutable and thread-safe.
 */
public final class InjectionClassifier {

  /** The shipped weights, on the class path. */
  public static final String RESOURCE =
      "/dev/parapet/detect/injection/classifier/injection-classifier.bin.gz";

  /** Texts up to this many chars are one window. */
  public static final int SINGLE = 1024;

  /** The window length for longer texts. */
  public static final int WINDOW = 768;

  /** The step between windows. */
  public static final int STRIDE = 384;

  private static final int MAGIC = 0x50494332; // "PIC2"

  private final float[] weights;
  private final float bias;
  private final float plattA;
  private final float plattB;

  /** A model from raw weights (one per {@link TextFeatures} bucket), bias and Platt scaling. */
  public InjectionClassifier(float[] weights, float bias, float plattA, float plattB) {
    if (weights.length != TextFeatures.DIMENSIONS) {
      throw new IllegalArgumentException("expected " + TextFeatures.DIMENSIONS + " weights");
    }
    this.weights = weights.clone();
    this.bias = bias;
    this.plattA = plattA;
    this.plattB = plattB;
  }

  /** The model shipped with Parapet. */
  public static InjectionClassifier shipped() {
    try (InputStream in = InjectionClassifier.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The worst window: where it is ({@code [start, end)} in chars) and its margin. */
  public record Window(double margin, int start, int end) {}

  /** The calibrated probability, 0..1, that {@code text} is a prompt injection or jailbreak. */
  public double score(String text) {
    return probability(worstWindow(text).margin());
  }

  /** The window of {@code text} with the highest margin. */
  public Window worstWindow(String text) {
    int n = text.length();
    float[] sum = new float[n + 1];
    int[] count = new int[n + 1];
    float[] w = weights;
    TextFeatures.scan(
        text,
        0,
        n,
        (feature, at) -> {
          sum[at + 1] += w[feature];
          count[at + 1]++;
        });
    for (int i = 1; i <= n; i++) {
      sum[i] += sum[i - 1];
      count[i] += count[i - 1];
    }
    double best = Double.NEGATIVE_INFINITY;
    int bestStart = 0;
    int bestEnd = n;
    for (int[] window : windows(n)) {
      int c = count[window[1]] - count[window[0]];
      double m = c == 0 ? bias : bias + (sum[window[1]] - sum[window[0]]) / Math.sqrt(c);
      if (m > best) {
        best = m;
        bestStart = window[0];
        bestEnd = window[1];
      }
    }
    return new Window(best, bestStart, bestEnd);
  }

  /** The windows, {@code [start, end)}, a text of {@code length} chars is read in. */
  public static List<int[]> windows(int length) {
    List<int[]> out = new ArrayList<>();
    if (length <= SINGLE) {
      out.add(new int[] {0, length});
      return out;
    }
    for (int s = 0; ; s += STRIDE) {
      int e = Math.min(length, s + WINDOW);
      out.add(new int[] {e == length ? Math.max(0, e - WINDOW) : s, e});
      if (e == length) {
        return out;
      }
    }
  }

  /** The calibrated probability of a margin. */
  public double probability(double margin) {
    return 1.0 / (1.0 + Math.exp(-(plattA * margin + plattB)));
  }

  /** Weights as 16-bit steps of a common scale: half the size, far below the model's error. */
  public byte[] write() {
    float max = 1e-9f;
    for (float x : weights) {
      max = Math.max(max, Math.abs(x));
    }
    float scale = max / Short.MAX_VALUE;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
      out.writeInt(MAGIC);
      out.writeInt(TextFeatures.BITS);
      out.writeFloat(bias);
      out.writeFloat(plattA);
      out.writeFloat(plattB);
      out.writeFloat(scale);
      for (float x : weights) {
        out.writeShort(Math.round(x / scale));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Reads what {@link #write()} wrote. */
  public static InjectionClassifier read(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16));
    if (in.readInt() != MAGIC || in.readInt() != TextFeatures.BITS) {
      throw new IOException("not an injection classifier of this version");
    }
    float bias = in.readFloat();
    float a = in.readFloat();
    float b = in.readFloat();
    float scale = in.readFloat();
    float[] weights = new float[TextFeatures.DIMENSIONS];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = in.readShort() * scale;
    }
    return new InjectionClassifier(weights, bias, a, b);
  }
}
