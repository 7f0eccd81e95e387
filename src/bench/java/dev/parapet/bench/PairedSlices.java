package dev.parapet.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * Two pieces of work timed in pairs of short slices, seconds apart in one JVM, and the median of the
 * second's time over the first's. On a shared VM whose speed drifts from minute to minute, the drift
 * mostly cancels out within a pair, where separate runs (or JMH's forks) carry it whole.
 */
final class PairedSlices {

  /** Medians over the measured pairs, and the spread of the ratios. */
  record Result(double firstMs, double secondMs, double ratio, double lowest, double highest) {}

  private PairedSlices() {}

  /**
   * @param alternate whether the second goes first in every other pair, so neither always runs
   *     right after the other's garbage
   */
  static Result run(
      String firstName,
      DoubleSupplier first,
      String secondName,
      DoubleSupplier second,
      int warmUp,
      int pairs,
      boolean alternate) {
    List<Double> ratios = new ArrayList<>();
    List<Double> firstMs = new ArrayList<>();
    List<Double> secondMs = new ArrayList<>();
    for (int pair = 0; pair < warmUp + pairs; pair++) {
      boolean swapped = alternate && pair % 2 == 1;
      double b = swapped ? second.getAsDouble() : 0;
      double a = first.getAsDouble();
      b = swapped ? b : second.getAsDouble();
      String kind = pair < warmUp ? "warm-up" : "pair";
      print(
          "%s %d: %s %.3f ms, %s %.3f ms, ratio %.3f",
          kind, pair, firstName, a, secondName, b, b / a);
      if (pair >= warmUp) {
        ratios.add(b / a);
        firstMs.add(a);
        secondMs.add(b);
      }
    }
    return new Result(
        median(firstMs),
        median(secondMs),
        median(ratios),
        Collections.min(ratios),
        Collections.max(ratios));
  }

  /**
   * Milliseconds per run of {@code work}, run again and again for about {@code seconds}. With
   * {@code -Dbench.cpu=true} the milliseconds are the thread's CPU time, not wall time: on a VM
   * whose load is ten times its cores a slice's wall time is mostly waiting for a core, and its
   * pairs spread from 0.4 to 2.7; CPU time leaves out the waiting (and the collector's threads).
   */
  static double msPerRun(Runnable work, double seconds) {
    boolean cpu = Boolean.getBoolean("bench.cpu");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long start = cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime();
    int runs = 0;
    while (System.nanoTime() < end || runs == 0) {
      work.run();
      runs++;
    }
    long spent = (cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime()) - start;
    return spent / 1e6 / runs;
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static void print(String format, Object... values) {
    System.out.printf(Locale.ROOT, format + "%n", values);
  }
}
