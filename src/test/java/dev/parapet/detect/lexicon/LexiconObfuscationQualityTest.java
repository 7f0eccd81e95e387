package dev.parapet.detect.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.detect.DetectorInput;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.SourceProblem;
import dev.parapet.model.Stage;
import dev.parapet.text.Normalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every shipped lexicon term, disguised every way {@link ObfuscationVariants} knows, in carrier
 * sentences of its language: the recall per variant, and the false alarms on benign words that
 * contain a term and on a corpus of real prose (English and Chinese, public domain: see
 * src/test/resources/quality/lexicon/SOURCES.md). The lexicons are read from the directory, so the
 * test follows whatever lexicons ship; {@code -Dparapet.lexicons=DIR} points it at others.
 */
class LexiconObfuscationQualityTest {

  static final double RECALL_FLOOR = 0.95;
  static final double FALSE_ALARM_CEILING = 0.01;

  private static final Map<String, String[]> CARRIERS =
      Map.of(
          "en", new String[] {"honestly {} is what they said", "why would anyone write {} here?"},
          "zh", new String[] {"他说{}然后走了", "群里有人发了“{}”这句话"},
          "ja", new String[] {"彼は{}と言った", "「{}」と書いてあった"},
          "ko", new String[] {"그는 {} 라고 말했다", "댓글에 {} 라고 썼다"},
          "ru", new String[] {"он сказал {} вчера", "кто-то написал {} в чате"},
          "ar", new String[] {"قال {} ثم غادر", "كتب أحدهم {} في التعليقات"},
          "hi", new String[] {"उसने कहा {} और चला गया", "किसी ने चैट में {} लिखा"});

  private static final String[] LATIN_CARRIERS = {"they wrote {} yesterday", "look: {} again"};

  private static final Normalizer NORMALIZER = new Normalizer();
  private static LexiconSet lexicons;
  private static final Map<String, int[]> RECALL = new LinkedHashMap<>();
  private static final List<String> MISSES = new ArrayList<>();
  private static final Set<String> TERM_KEYS = new TreeSet<>();
  private static final List<String> LATIN_TERMS = new ArrayList<>();

  @BeforeAll
  static void disguiseEveryTerm() throws IOException {
    Path dir = Path.of(System.getProperty("parapet.lexicons", "lexicons"));
    lexicons = LexiconSet.load(dir, NORMALIZER, Clock.systemUTC());
    List<ObfuscationVariants.Variant> variants = ObfuscationVariants.all();
    for (ObfuscationVariants.Variant v : variants) {
      RECALL.put(v.name(), new int[2]);
    }
    int n = 0;
    for (Path txt : LexiconSet.termFiles(dir)) {
      String name = txt.getFileName().toString().replaceFirst("\\.txt$", "");
      List<SourceProblem> problems = new ArrayList<>();
      LexiconFile.Header header =
          LexiconFile.header(txt.resolveSibling(name + ".yaml"), name, problems);
      if (header == null || header.allowlist()) {
        continue;
      }
      String[] carriers = CARRIERS.getOrDefault(header.language(), LATIN_CARRIERS);
      for (LexiconFile.Term term : LexiconFile.terms(txt, header, problems)) {
        String type = LexiconFile.typeOf(term.category());
        TERM_KEYS.add(NORMALIZER.normalize(term.text()).text());
        if (term.text().chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
          LATIN_TERMS.add(term.text().toLowerCase(Locale.ROOT));
        }
        String carrier = carriers[n++ % carriers.length];
        if (!found(carrier, term.text(), type)) {
          continue; // not found even as listed: a data question, not a disguise's
        }
        for (ObfuscationVariants.Variant v : variants) {
          Optional<String> disguised = v.disguise().apply(term.text());
          if (disguised.isEmpty()) {
            continue;
          }
          int[] counts = RECALL.get(v.name());
          counts[1]++;
          if (found(carrier, disguised.get(), type)) {
            counts[0]++;
          } else if (MISSES.size() < 400) {
            MISSES.add(v.name() + ": " + carrier.replace("{}", disguised.get()));
          }
        }
      }
    }
  }

  /** Whether a finding of the term's type overlaps the disguised term in its carrier. */
  private static boolean found(String carrier, String disguised, String type) {
    int at = carrier.indexOf("{}");
    String text = carrier.replace("{}", disguised);
    int start = text.codePointCount(0, at);
    int end = start + disguised.codePointCount(0, disguised.length());
    for (Finding f : detect(text)) {
      if (f.type().equals(type) && f.start() < end && start < f.end()) {
        return true;
      }
    }
    return false;
  }

  private static List<Finding> detect(String text) {
    return lexicons
        .detector()
        .detect(
            new DetectorInput(
                NORMALIZER.normalize(text),
                new CheckContext(
                    Stage.INPUT, "default", "", Map.of(), text.codePointCount(0, text.length()))));
  }

  @Test
  void everyDisguiseIsSeenThroughAtLeast95PercentOfTheTime() {
    StringBuilder table =
        new StringBuilder("| variant | found | terms | recall |\n|---|---:|---:|---:|\n");
    List<String> below = new ArrayList<>();
    RECALL.forEach(
        (name, c) -> {
          double recall = c[1] == 0 ? 1.0 : (double) c[0] / c[1];
          table.append(
              String.format(Locale.ROOT, "| %s | %d | %d | %.3f |%n", name, c[0], c[1], recall));
          if (recall < RECALL_FLOOR) {
            below.add(name);
          }
        });
    report(table + "\nmisses (first 400):\n" + String.join("\n", MISSES));
    assertThat(RECALL.get("plain")[1]).as("terms tried").isGreaterThan(100);
    assertThat(below).as("variants below %.2f recall:\n%s", RECALL_FLOOR, table).isEmpty();
  }

  @Test
  void benignWordsThatContainATermAreNotFlagged() throws IOException {
    List<String> containing = new ArrayList<>();
    List<String> flagged = new ArrayList<>();
    List<String> disguised = new ArrayList<>();
    List<String> words = resource("benign-words-en.txt");
    for (String w : words) {
      if (TERM_KEYS.contains(NORMALIZER.normalize(w).text())) {
        continue; // a listed word is no benign word
      }
      List<Finding> found = detect("honestly " + w + " is what they said");
      if (containsTerm(w)) {
        containing.add(w);
        if (!found.isEmpty()) {
          flagged.add(w);
        }
      }
      if (found.stream().anyMatch(Finding::obfuscated)) {
        disguised.add(w + " " + found.get(0).via());
      }
    }
    double rate = (double) flagged.size() / containing.size();
    double newRate = (double) disguised.size() / words.size();
    report(
        String.format(
            Locale.ROOT,
            "benign words containing a term: %d, flagged %d (%.4f): %s%n"
                + "benign words flagged only through a normalization: %d of %d (%.4f): %s",
            containing.size(),
            flagged.size(),
            rate,
            flagged,
            disguised.size(),
            words.size(),
            newRate,
            disguised));
    assertThat(containing.size()).isGreaterThan(50);
    assertThat(rate).as("flagged: %s", flagged).isLessThan(FALSE_ALARM_CEILING);
    assertThat(newRate).as("flagged: %s", disguised).isLessThan(FALSE_ALARM_CEILING);
  }

  @Test
  void realProseIsNotFlaggedThroughANormalization() throws IOException {
    int sentences = 0;
    int flagged = 0;
    List<String> disguised = new ArrayList<>();
    for (String language : List.of("en", "zh")) {
      for (String line : prose(language)) {
        sentences++;
        List<Finding> found = detect(line);
        flagged += found.isEmpty() ? 0 : 1;
        if (found.stream().anyMatch(Finding::obfuscated)) {
          disguised.add(line + " " + found);
        }
      }
    }
    double newRate = (double) disguised.size() / sentences;
    report(
        String.format(
            Locale.ROOT,
            "benign prose: %d sentences, %d with any finding (%.4f), %d only through a normalization (%.4f):%n%s",
            sentences,
            flagged,
            (double) flagged / sentences,
            disguised.size(),
            newRate,
            String.join("\n", disguised)));
    assertThat(sentences).isGreaterThanOrEqualTo(2000);
    assertThat(newRate).as("%s", disguised).isLessThan(FALSE_ALARM_CEILING);
  }

  private static boolean containsTerm(String word) {
    for (String t : LATIN_TERMS) {
      if (t.length() >= 3 && word.contains(t) && !word.equals(t)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> prose(String language) throws IOException {
    return resource("benign-prose-" + language + ".txt");
  }

  private static List<String> resource(String name) throws IOException {
    return Files.readAllLines(
        Path.of("src/test/resources/quality/lexicon/" + name), StandardCharsets.UTF_8);
  }

  /** The figures go to target/, where a reader of the build finds them. */
  private static void report(String text) {
    try {
      Path out = Path.of("target/lexicon-quality.md");
      Files.createDirectories(out.getParent());
      Files.writeString(
          out,
          text + "\n\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
