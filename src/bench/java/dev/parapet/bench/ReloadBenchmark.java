package dev.parapet.bench;

import dev.parapet.check.PolicyTests;
import dev.parapet.detect.lexicon.LexiconSet;
import dev.parapet.policy.Policy;
import dev.parapet.policy.PolicyLoader;
import dev.parapet.text.Normalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a reload costs: the starter policy (compile every tier, build lexicons and detectors, run
 * every policy test), and building a one-million-term lexicon. Single shots, as a reload is.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-Dlogging.initial-configurator.min-level=INFO"})
public class ReloadBenchmark {

  private Path millionTerms;

  @Setup
  public void setUp() {
    List<String> terms = SyntheticLexicon.terms(1_000_000, 42);
    millionTerms = SyntheticLexicon.write(terms);
  }

  @Benchmark
  public int starterPolicyReload() {
    Path rules = Path.of("rules");
    Policy policy = PolicyLoader.load(rules, Path.of("lexicons"));
    return PolicyTests.run(policy, rules).cases();
  }

  @Benchmark
  public Object millionTermLexiconBuild() {
    return LexiconSet.load(millionTerms, new Normalizer(), Clock.systemUTC());
  }

  /** Heap held by a loaded million-term lexicon: {@code java -cp … ReloadBenchmark}. */
  public static void main(String[] args) throws IOException {
    Path dir = SyntheticLexicon.write(SyntheticLexicon.terms(1_000_000, 42));
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long before = rt.totalMemory() - rt.freeMemory();
    long t0 = System.nanoTime();
    LexiconSet set = LexiconSet.load(dir, new Normalizer(), Clock.systemUTC());
    long took = (System.nanoTime() - t0) / 1_000_000;
    System.gc();
    long after = rt.totalMemory() - rt.freeMemory();
    System.out.printf(
        "1M-term lexicon: built in %d ms, %d MB of heap retained (%d lexicon)%n",
        took, (after - before) / (1024 * 1024), set.summaries().size());
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(dir);
  }
}
