package dev.parapet.bench;

import dev.parapet.detect.lexicon.LexiconSet;
import dev.parapet.text.Normalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A one-million-term lexicon with the prebuilt-index cache: building it and saving the index
 * ({@code buildAndSave}, a fresh cache directory each shot) and opening it again from the cache
 * ({@code loadFromCache}). Single shots, as a start or reload is. For the heap a loaded set holds,
 * run {@link #main}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-Dlogging.initial-configurator.min-level=INFO"})
public class LexiconLoadBenchmark {

  private Path millionTerms;
  private Path warmCache;
  private Path freshCache;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    millionTerms = SyntheticLexicon.write(SyntheticLexicon.terms(1_000_000, 42));
    warmCache = Files.createTempDirectory("parapet-bench-cache");
    LexiconSet.load(millionTerms, new Normalizer(), Clock.systemUTC(), warmCache);
  }

  @Setup(Level.Iteration)
  public void freshCacheDir() throws IOException {
    freshCache = Files.createTempDirectory("parapet-bench-cache");
  }

  @TearDown(Level.Iteration)
  public void dropFreshCache() {
    delete(freshCache);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    delete(warmCache);
    delete(millionTerms);
  }

  @Benchmark
  public Object buildAndSave() {
    return LexiconSet.load(millionTerms, new Normalizer(), Clock.systemUTC(), freshCache);
  }

  @Benchmark
  public Object loadFromCache() {
    return LexiconSet.load(millionTerms, new Normalizer(), Clock.systemUTC(), warmCache);
  }

  /**
   * Heap held by a million-term lexicon set opened from the cache, and how long a cold open takes
   * (first open in this JVM, nothing JIT-compiled yet): {@code java -Xmx1g -cp … LexiconLoadBenchmark}.
   * The cache is built by a child JVM first, so this one only ever opens it.
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("build")) {
      long t0 = System.nanoTime();
      LexiconSet.load(Path.of(args[1]), new Normalizer(), Clock.systemUTC(), Path.of(args[2]));
      System.out.printf(Locale.ROOT, 
          "1M-term lexicon: built and saved in %d ms (cold JVM)%n",
          (System.nanoTime() - t0) / 1_000_000);
      return;
    }
    Path dir = SyntheticLexicon.write(SyntheticLexicon.terms(1_000_000, 42));
    Path cache = Files.createTempDirectory("parapet-bench-cache");
    try {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process build =
          new ProcessBuilder(
                  java,
                  "-Xmx1g",
                  "-cp",
                  System.getProperty("java.class.path"),
                  LexiconLoadBenchmark.class.getName(),
                  "build",
                  dir.toString(),
                  cache.toString())
              .inheritIO()
              .start();
      if (build.waitFor() != 0) {
        throw new IllegalStateException("building the cache failed");
      }
      measure(dir, cache);
    } finally {
      delete(cache);
      delete(dir);
    }
  }

  private static void measure(Path dir, Path cache) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = settledHeap(memory);
    long t0 = System.nanoTime();
    LexiconSet set = LexiconSet.load(dir, new Normalizer(), Clock.systemUTC(), cache);
    long took = (System.nanoTime() - t0) / 1_000_000;
    long after = settledHeap(memory);
    System.out.printf(Locale.ROOT, 
        "1M-term lexicon: opened from the cache in %d ms (cold JVM), %d MB of heap retained"
            + " (%d terms)%n",
        took, (after - before) / (1024 * 1024), set.summaries().get(0).terms());
    long t1 = System.nanoTime();
    LexiconSet again = LexiconSet.load(dir, new Normalizer(), Clock.systemUTC(), cache);
    System.out.printf(Locale.ROOT, 
        "1M-term lexicon: opened again in %d ms (%s)%n",
        (System.nanoTime() - t1) / 1_000_000, again.summaries().get(0).name());
  }

  /** Heap in use after full collections, once it stops shrinking. */
  private static long settledHeap(MemoryMXBean memory) {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      long now = memory.getHeapMemoryUsage().getUsed();
      if (now >= used) {
        return now;
      }
      used = now;
    }
    return used;
  }

  private static void delete(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
