package dev.parapet.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.model.Finding;
import dev.parapet.model.Stage;
import dev.parapet.model.Verdict;
import dev.parapet.policy.Policy;
import dev.parapet.policy.PolicyLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The starter lexicons on ordinary prose: for each shipped language, at most 1% of the sentences of
 * a benign corpus (news, support questions, recipes, medicine, code comments; see
 * lexicon-sources/corpus) may draw a lexicon finding that the starter policy acts on.
 */
class LexiconQualityTest {

  private static final double MAX_RATE = 0.01;

  private static ExecutorService pool;
  private static CheckService service;

  @BeforeAll
  static void starterPolicy() {
    Policy policy = PolicyLoader.load(Path.of("rules"), Path.of("lexicons"));
    pool = Executors.newSingleThreadExecutor();
    service = PolicyTests.offline(policy, pool);
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "zh", "es", "fr", "de", "pt", "it", "ru", "ja", "ko", "ar", "hi"})
  void fewOrdinarySentencesDrawAnActedOnLexiconFinding(String language, TestReporter reporter)
      throws IOException {
    List<String> sentences = corpus(language);
    List<String> flagged = new ArrayList<>();
    for (String sentence : sentences) {
      Decision decision =
          service.evaluate(
              new CheckRequest(sentence, Stage.INPUT, null, null, null, Map.of(), false));
      if (decision.verdict() != Verdict.ALLOW && hasLexiconFinding(decision)) {
        flagged.add(sentence + "  ->  " + decision.findings());
      }
    }
    double rate = (double) flagged.size() / sentences.size();
    reporter.publishEntry(
        "lexicon-fp-" + language,
        String.format(
            java.util.Locale.ROOT, "%d/%d = %.2f%%", flagged.size(), sentences.size(), rate * 100));
    assertThat(sentences).hasSizeGreaterThanOrEqualTo(500);
    assertThat(rate)
        .as(
            "%s: %d of %d sentences flagged:%n%s",
            language, flagged.size(), sentences.size(), String.join("\n", flagged))
        .isLessThanOrEqualTo(MAX_RATE);
  }

  private static boolean hasLexiconFinding(Decision decision) {
    for (Finding f : decision.findings()) {
      if (f.detector().equals("lexicon")) {
        return true;
      }
    }
    return false;
  }

  private static List<String> corpus(String language) throws IOException {
    Path file = Path.of("src", "test", "resources", "lexicon-quality", language + ".txt");
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .skip(1) // the header line says where the corpus comes from
        .filter(line -> !line.isBlank())
        .toList();
  }
}
