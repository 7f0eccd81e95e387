package dev.parapet.bench;

import dev.parapet.check.CheckRequest;
import dev.parapet.check.CheckService;
import dev.parapet.check.Decision;
import dev.parapet.check.PolicyTests;
import dev.parapet.model.Finding;
import dev.parapet.model.Stage;
import dev.parapet.model.Verdict;
import dev.parapet.policy.PolicyLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How often the starter policy acts on a lexicon finding in texts believed benign: for each file
 * (one text a line), the share of lines whose decision is not allow and carries a lexicon finding,
 * and which lexicons drew them. The test {@code LexiconQualityTest} bounds the same figure on the
 * shipped corpus; this runs it on any other text.
 *
 * <pre>
 * mvn -B -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat cp.txt) dev.parapet.bench.LexiconFalsePositives \
 *   src/test/resources/lexicon-quality/en.txt other.txt ...
 * </pre>
 */
public final class LexiconFalsePositives {

  private LexiconFalsePositives() {}

  public static void main(String[] args) throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      CheckService service =
          PolicyTests.offline(PolicyLoader.load(Path.of("rules"), Path.of("lexicons")), pool);
      for (String file : args) {
        List<String> lines =
            Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("# Benign prose"))
                .toList();
        int flagged = 0;
        Map<String, Integer> bySource = new TreeMap<>();
        for (String line : lines) {
          Decision d =
              service.evaluate(
                  new CheckRequest(line, Stage.INPUT, null, null, null, Map.of(), false));
          List<Finding> lexicon =
              d.findings().stream().filter(f -> f.detector().equals("lexicon")).toList();
          if (d.verdict() != Verdict.ALLOW && !lexicon.isEmpty()) {
            flagged++;
            for (Finding f : lexicon) {
              // the matched words, so that a reviewer sees what to drop or allowlist
              String key = f.source() + " '" + line.substring(f.start(), f.end()) + "'";
              bySource.merge(key, 1, Integer::sum);
            }
          }
        }
        PairedSlices.print(
            "%s: %d of %d lines acted on with a lexicon finding (%.2f%%) %s",
            file,
            flagged,
            lines.size(),
            100.0 * flagged / Math.max(1, lines.size()),
            bySource);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
