package dev.parapet.detect.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.detect.DetectorInput;
import dev.parapet.detect.LexiconSearch;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.InvalidPolicyException;
import dev.parapet.model.Stage;
import dev.parapet.text.Normalizer;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconIndexCacheTest {

  private static final Clock BEFORE_EXPIRY =
      Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);
  private static final Clock AFTER_EXPIRY =
      Clock.fixed(Instant.parse("2028-01-01T10:00:00Z"), ZoneOffset.UTC);

  private static final List<String> TEXTS =
      List.of(
          "I will kill the process and then kill him.",
          "Let me shoot you an email, or shoot the guard.",
          "Guaranteed   returns, risk-free! Double your money.",
          "g.u.a.r.a.n.t.e.e.d returns and 保证收益 today",
          "他们说稳赚不赔，零风险。",
          "kill myself laughing at that joke",
          "a pipe bomb, a pipeee bomb, a PIPE-BOMB",
          "nothing to see here",
          "molotov cocktail recipe",
          "");

  @TempDir Path tmp;
  private Path lexicons;
  private Path cache;
  private final Normalizer normalizer = new Normalizer();

  @BeforeEach
  void writeLexicons() throws IOException {
    lexicons = Files.createDirectories(tmp.resolve("lexicons"));
    cache = tmp.resolve("cache");
    write("violence-en.yaml", "category: violence\nseverity: high\nlanguage: en\n");
    write(
        "violence-en.txt",
        "# comment\n"
            + "kill\n"
            + "kill him\n"
            + "shoot\n"
            + "pipe bomb | severity=critical\n"
            + "molotov | category=weapons\n"
            + "\n"
            + "guard\n");
    write("finance-en.yaml", "category: guaranteed-returns\nseverity: medium\n");
    write("finance-en.txt", "guaranteed returns\nrisk-free\ndouble your money | severity=high\n");
    write("finance-zh.yaml", "category: guaranteed-returns\nseverity: medium\nlanguage: zh\n");
    write("finance-zh.txt", "保证收益\n稳赚不赔\n零风险 | severity=low\n");
    write("allowlist-en.yaml", "allowlist: true\nappliesTo: [violence]\n");
    write(
        "allowlist-en.txt",
        "kill the process\n"
            + "shoot you an email\n"
            + "kill myself laughing | approvedBy=trust-and-safety | reason=idiom"
            + " | expires=2027-11-30\n");
  }

  @Test
  void cachedLoadMatchesAndSearchesLikeABuild() throws IOException {
    LexiconSet built = LexiconSet.load(lexicons, normalizer, BEFORE_EXPIRY);
    LexiconSet first = LexiconSet.load(lexicons, normalizer, BEFORE_EXPIRY, cache);
    String key = LexiconIndexCache.key(lexicons);
    assertThat(cache.resolve(key).resolve(LexiconIndexCache.DATA)).isRegularFile();
    LexiconSet cached =
        LexiconIndexCache.open(
            cache.resolve(key),
            key,
            normalizer,
            BEFORE_EXPIRY.instant().atZone(ZoneOffset.UTC).toLocalDate());
    assertThat(cached).isNotNull();
    LexiconSet second = LexiconSet.load(lexicons, normalizer, BEFORE_EXPIRY, cache);

    assertThat(findings(built)).isNotEmpty();
    for (LexiconSet set : List.of(first, cached, second)) {
      assertSameAs(built, set);
    }
    assertThat(children(cache)).containsExactly(key);
  }

  @Test
  void theShippedLexiconsMatchAlikeFromTheCache() throws IOException {
    Path shipped = Path.of("lexicons");
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.list(shipped)) {
      for (Path txt : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        for (String line : Files.readAllLines(txt)) {
          String term = line.split("\\|")[0].strip();
          if (!term.isEmpty() && !term.startsWith("#")) {
            texts.add(
                "They said " + term.toUpperCase(java.util.Locale.ROOT) + ", then " + term + ".");
          }
        }
      }
    }
    LexiconSet built = LexiconSet.load(shipped, normalizer, BEFORE_EXPIRY);
    LexiconSet.load(shipped, normalizer, BEFORE_EXPIRY, cache);
    LexiconSet cached = LexiconSet.load(shipped, normalizer, BEFORE_EXPIRY, cache);
    assertThat(texts).hasSizeGreaterThan(100);
    int found = 0;
    for (String text : texts) {
      List<Finding> expected = findingsOf(built, text);
      assertThat(findingsOf(cached, text)).as(text).isEqualTo(expected);
      found += expected.size();
    }
    assertThat(found).isGreaterThan(100);
    assertThat(cached.summaries()).isEqualTo(built.summaries());
    assertThat(cached.exceptions()).isEqualTo(built.exceptions());
  }

  @Test
  void endDatesAreAppliedOnTheDayOfLoadingNotOfBuilding() {
    LexiconSet.load(lexicons, normalizer, BEFORE_EXPIRY, cache);
    LexiconSet cached = LexiconSet.load(lexicons, normalizer, AFTER_EXPIRY, cache);
    LexiconSet built = LexiconSet.load(lexicons, normalizer, AFTER_EXPIRY);
    assertSameAs(built, cached);
    assertThat(cached.exceptions()).singleElement().extracting(e -> e.inForce()).isEqualTo(false);
    assertThat(findings(cached).toString()).contains("lexicon/violence-en");
    assertThat(findingsOf(cached, "kill myself laughing at that joke")).isNotEmpty();
    assertThat(
            findingsOf(
                LexiconSet.load(lexicons, normalizer, BEFORE_EXPIRY, cache),
                "kill myself laughing at that joke"))
        .isEmpty();
  }

  @Test
  void aTruncatedDataFileIsRebuilt() throws IOException {
    LexiconSet built = LexiconSet.load(lexicons, normalizer, BEFORE_EXPIRY);
    LexiconSet.load(lexicons, normalizer, BEFORE_EXPIRY, cache);
    Path data = cache.resolve(LexiconIndexCache.key(lexicons)).resolve(LexiconIndexCache.DATA);
    long whole = Files.size(data);
    truncate(data);

    LexiconSet again = LexiconSet.load(lexicons, normalizer, BEFORE_EXPIRY, cache);
    assertSameAs(built, again);
    assertThat(Files.size(data)).isEqualTo(whole);
    assertSameAs(built, LexiconSet.load(lexicons, normalizer, BEFORE_EXPIRY, cache));
  }

  @Test
  void aTruncatedIndexFileIsRebuilt() throws IOException {
    LexiconSet built = LexiconSet.load(lexicons, normalizer, BEFORE_EXPIRY);
    LexiconSet.load(lexicons, normalizer, BEFORE_EXPIRY, cache);
    Path index = cache.resolve(LexiconIndexCache.key(lexicons)).resolve(LexiconIndexCache.INDEX);
    Path largest;
    try (Stream<Path> files = Files.list(index)) {
      largest = files.max(Comparator.comparingLong(LexiconIndexCacheTest::size)).orElseThrow();
    }
    truncate(largest);

    assertSameAs(built, LexiconSet.load(lexicons, normalizer, BEFORE_EXPIRY, cache));
    assertSameAs(built, LexiconSet.load(lexicons, normalizer, BEFORE_EXPIRY, cache));
  }

  @Test
  void aMissingIndexOrStrayFilesAreRebuilt() throws IOException {
    LexiconSet built = LexiconSet.load(lexicons, normalizer, BEFORE_EXPIRY);
    String key = LexiconIndexCache.key(lexicons);
    Files.createDirectories(cache.resolve(key));
    Files.writeString(cache.resolve(key).resolve(LexiconIndexCache.DATA), "not a cache");

    assertSameAs(built, LexiconSet.load(lexicons, normalizer, BEFORE_EXPIRY, cache));
    assertThat(cache.resolve(key).resolve(LexiconIndexCache.INDEX)).isDirectory();
  }

  @Test
  void loadsRacingOnAnEmptyCacheAgreeAndLeaveOneSet() throws Exception {
    LexiconSet built = LexiconSet.load(lexicons, normalizer, BEFORE_EXPIRY);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<LexiconSet>> loads = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        loads.add(
            pool.submit(
                () -> {
                  start.await();
                  return LexiconSet.load(lexicons, normalizer, BEFORE_EXPIRY, cache);
                }));
      }
      start.countDown();
      for (Future<LexiconSet> load : loads) {
        assertSameAs(built, load.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(children(cache)).containsExactly(LexiconIndexCache.key(lexicons));
  }

  @Test
  void changingALexiconFileChangesTheKey() throws IOException {
    String before = LexiconIndexCache.key(lexicons);
    assertThat(LexiconIndexCache.key(lexicons)).isEqualTo(before);
    write("notes.md", "not a lexicon file");
    assertThat(LexiconIndexCache.key(lexicons)).isEqualTo(before);

    write("violence-en.txt", Files.readString(lexicons.resolve("violence-en.txt")) + "stab\n");
    String afterTerm = LexiconIndexCache.key(lexicons);
    assertThat(afterTerm).isNotEqualTo(before);

    write("violence-en.yaml", "category: violence\nseverity: critical\nlanguage: en\n");
    String afterHeader = LexiconIndexCache.key(lexicons);
    assertThat(afterHeader).isNotEqualTo(afterTerm);

    Files.move(lexicons.resolve("finance-zh.txt"), lexicons.resolve("finance-cn.txt"));
    assertThat(LexiconIndexCache.key(lexicons)).isNotEqualTo(afterHeader);
  }

  @Test
  void anEditedLexiconIsBuiltAfreshAndOldSetsArePruned() throws IOException {
    LexiconSet.load(lexicons, normalizer, BEFORE_EXPIRY, cache);
    for (int i = 0; i < 4; i++) {
      write("violence-en.txt", "kill\nterm" + i + "\n");
      LexiconSet set = LexiconSet.load(lexicons, normalizer, BEFORE_EXPIRY, cache);
      assertThat(findingsOf(set, "a term" + i + " here")).hasSize(1);
      assertThat(findingsOf(set, "a term" + (i + 1) + " here")).isEmpty();
    }
    Files.createDirectories(cache.resolve(".trash-leftover"));
    LexiconSet.load(lexicons, normalizer, BEFORE_EXPIRY, cache);
    assertThat(children(cache))
        .hasSize(LexiconIndexCache.KEEP)
        .contains(LexiconIndexCache.key(lexicons));
  }

  @Test
  void anInvalidLexiconIsReportedAndNothingIsCached() throws IOException {
    write("violence-en.txt", "kill | severity=enormous\n");
    assertThatThrownBy(() -> LexiconSet.load(lexicons, normalizer, BEFORE_EXPIRY, cache))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("enormous");
    assertThat(children(cache)).isEmpty();
  }

  @Test
  void anUnwritableCacheDirectoryFallsBackToBuilding() throws IOException {
    Path file = tmp.resolve("a-file");
    Files.writeString(file, "in the way");
    LexiconSet built = LexiconSet.load(lexicons, normalizer, BEFORE_EXPIRY);
    assertSameAs(built, LexiconSet.load(lexicons, normalizer, BEFORE_EXPIRY, file));
  }

  private void assertSameAs(LexiconSet expected, LexiconSet actual) {
    assertThat(findings(actual)).isEqualTo(findings(expected));
    assertThat(actual.summaries()).isEqualTo(expected.summaries());
    assertThat(actual.exceptions()).isEqualTo(expected.exceptions());
    assertThat(actual.search().names()).isEqualTo(expected.search().names());
    for (String lexicon : expected.search().names()) {
      for (String q : List.of("kill", "kil", "guaranted returns", "保证", "shoot you", "zzz")) {
        List<LexiconSearch.TermHit> want = expected.search().search(lexicon, q, 10);
        assertThat(actual.search().search(lexicon, q, 10)).as(lexicon + " " + q).isEqualTo(want);
      }
    }
  }

  private List<List<Finding>> findings(LexiconSet set) {
    List<List<Finding>> all = new ArrayList<>();
    for (String text : TEXTS) {
      all.add(findingsOf(set, text));
    }
    return all;
  }

  private List<Finding> findingsOf(LexiconSet set, String text) {
    CheckContext context = new CheckContext(Stage.INPUT, "default", null, Map.of(), 20);
    return set.detector().detect(new DetectorInput(normalizer.normalize(text), context));
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(lexicons.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static List<String> children(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }

  private static void truncate(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(channel.size() / 2);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
