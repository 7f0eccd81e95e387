package dev.parapet.bench;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import dev.parapet.detect.Detector;
import dev.parapet.detect.DetectorInput;
import dev.parapet.detect.lexicon.LexiconSet;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Stage;
import dev.parapet.text.NormalizedText;
import dev.parapet.text.Normalizer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lexicon matching on 100 KB of prose as lexicons grow, side by side with what a user would
 * otherwise write: a regex alternation, an indexOf loop per term, and an Aho-Corasick automaton
 * (com.hankcs double-array trie). Scores are milliseconds per 100 KB; MB/s = 0.1 / (ms / 1000).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx3g", "-Dlogging.initial-configurator.min-level=INFO"})
public class LexiconBenchmark {

  static final int TEXT = 100_000;

  @Param({"1000", "10000", "100000", "1000000"})
  public int terms;

  private Detector parapet;
  private DetectorInput input;
  private String lowered;
  private List<String> termList;
  private Pattern alternation;
  private AhoCorasickDoubleArrayTrie<String> ahoCorasick;

  @Setup(Level.Trial)
  public void setUp() {
    termList = SyntheticLexicon.terms(terms, 42);
    String text = SyntheticLexicon.text(termList, TEXT, 7);
    Normalizer normalizer = new Normalizer();
    parapet = LexiconSet.load(SyntheticLexicon.write(termList), normalizer, Clock.systemUTC()).detector();
    NormalizedText normalized = normalizer.normalize(text);
    input = new DetectorInput(normalized, new CheckContext(Stage.INPUT, "bench", "", Map.of(), TEXT));
    lowered = text.toLowerCase(Locale.ROOT);
    if (terms <= 100_000) {
      alternation =
          Pattern.compile(
              "\\b(?:" + termList.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")\\b");
    }
    Map<String, String> map = new TreeMap<>();
    termList.forEach(t -> map.put(t, t));
    ahoCorasick = new AhoCorasickDoubleArrayTrie<>();
    ahoCorasick.build(map);
  }

  @Benchmark
  public int parapetLexicon() {
    return parapet.detect(input).size();
  }

  @Benchmark
  public int ahoCorasickDoubleArrayTrie() {
    return ahoCorasick.parseText(lowered).size();
  }

  @Benchmark
  public int regexAlternation() {
    if (alternation == null) {
      return -1; // a million-term alternation does not compile in reasonable time and memory
    }
    int found = 0;
    Matcher m = alternation.matcher(lowered);
    while (m.find()) {
      found++;
    }
    return found;
  }

  @Benchmark
  public int indexOfPerTerm() {
    if (terms > 10_000) {
      return -1; // hours per text beyond ten thousand terms
    }
    int found = 0;
    for (String term : termList) {
      for (int at = lowered.indexOf(term); at >= 0; at = lowered.indexOf(term, at + 1)) {
        found++;
      }
    }
    return found;
  }
}
