package dev.parapet.policy.drools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.digest.Sha256;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.model.Stage;
import dev.parapet.model.TierOutcome;
import dev.parapet.policy.TierRules;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiled tiers kept on disk are read back only for the same files and build, and whole. */
class RuleBaseCacheTest {

  private static final String HEADER =
      "package t;\nimport dev.parapet.model.*;\nglobal dev.parapet.policy.Decide decide;\n";
  private static final String BLOCK =
      HEADER
          + "rule \"BlockWeapons\"\nwhen\n  $f : Finding(type == \"WEAPONS\")\nthen\n"
          + "  decide.block(\"weapons\", $f);\nend\n";
  private static final String REDACT =
      HEADER
          + "rule \"RedactWeapons\"\nwhen\n  $f : Finding(type == \"WEAPONS\")\nthen\n"
          + "  decide.redact(\"weapons\", $f);\nend\n";

  @TempDir Path dir;
  private Path rules;
  private Path file;
  private Path cacheDir;

  @BeforeEach
  void rulesDirectory() throws Exception {
    rules = Files.createDirectories(dir.resolve("rules"));
    file = Files.createDirectories(rules.resolve("baseline")).resolve("a.drl");
    Files.writeString(file, BLOCK, StandardCharsets.UTF_8);
    cacheDir = dir.resolve("cache");
  }

  private TierRules compile(RuleBaseCache cache) {
    TierCompiler.Result result =
        new TierCompiler(rules, LocalDate.of(2026, 12, 8), cache)
            .compile("baseline", List.of(file));
    assertThat(result.problems()).isEmpty();
    return result.tier();
  }

  private static List<String> decisions(TierRules tier) {
    Finding weapon = new Finding("lexicon", "WEAPONS", 0, 4, Severity.HIGH, 1.0, "lexicon/x");
    TierOutcome outcome =
        tier.evaluate(new CheckContext(Stage.INPUT, "default", "", Map.of(), 20), List.of(weapon));
    assertThat(outcome.errors()).isEmpty();
    return outcome.actions().stream().map(a -> a.ruleId() + " " + a.verdict()).toList();
  }

  private List<Path> entries() throws Exception {
    try (Stream<Path> files = Files.list(cacheDir)) {
      return files.filter(p -> p.toString().endsWith(".kpkg")).toList();
    }
  }

  private String key(RuleBaseCache cache) throws Exception {
    return cache.key("baseline", Map.of("baseline/a.drl", Files.readString(file)));
  }

  @Test
  void aTierReadBackFromTheCacheDecidesAsTheCompiledOne() throws Exception {
    RuleBaseCache cache = new RuleBaseCache(cacheDir, "build-1");
    List<String> compiled = decisions(compile(cache));
    assertThat(entries()).hasSize(1);
    assertThat(cache.read(key(cache), getClass().getClassLoader())).isNotNull();

    assertThat(decisions(compile(cache)))
        .isEqualTo(compiled)
        .containsExactly("baseline/block-weapons BLOCK");
    assertThat(entries()).hasSize(1);
  }

  @Test
  void aChangedRuleFileIsCompiledAgainNotReadFromTheCache() throws Exception {
    RuleBaseCache cache = new RuleBaseCache(cacheDir, "build-1");
    compile(cache);
    Files.writeString(file, REDACT, StandardCharsets.UTF_8);

    assertThat(decisions(compile(cache))).containsExactly("baseline/redact-weapons REDACT");
    assertThat(entries()).hasSize(2);
  }

  @Test
  void anotherBuildDoesNotReadThisBuildsEntries() throws Exception {
    RuleBaseCache mine = new RuleBaseCache(cacheDir, "build-1");
    compile(mine);
    RuleBaseCache other = new RuleBaseCache(cacheDir, "build-2");

    assertThat(key(other)).isNotEqualTo(key(mine));
    assertThat(other.read(key(other), getClass().getClassLoader())).isNull();
  }

  @Test
  void aCorruptedEntryIsDroppedAndTheTierCompiledAgain() throws Exception {
    RuleBaseCache cache = new RuleBaseCache(cacheDir, "build-1");
    compile(cache);
    Path entry = entries().get(0);
    byte[] bytes = Files.readAllBytes(entry);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(entry, bytes);

    assertThat(cache.read(key(cache), getClass().getClassLoader())).isNull();
    assertThat(entry).doesNotExist();
    Files.write(entry, bytes);
    assertThat(decisions(compile(cache))).containsExactly("baseline/block-weapons BLOCK");
    assertThat(cache.read(key(cache), getClass().getClassLoader())).isNotNull();
  }

  /** Checksummed, but not the packages a tier needs: read as a miss, not as a failure. */
  @Test
  void anEntryThatDoesNotDeserializeIsAMiss() throws Exception {
    RuleBaseCache cache = new RuleBaseCache(cacheDir, "build-1");
    byte[] junk = "not a rule base".getBytes(StandardCharsets.UTF_8);
    Files.createDirectories(cacheDir);
    Path entry = cacheDir.resolve(key(cache) + ".kpkg");
    Files.write(
        entry,
        ByteBuffer.allocate(RuleBaseCache.MAGIC.length + 32 + junk.length)
            .put(RuleBaseCache.MAGIC)
            .put(Sha256.newDigest().digest(junk))
            .put(junk)
            .array());

    assertThat(decisions(compile(cache))).containsExactly("baseline/block-weapons BLOCK");
    assertThat(cache.read(key(cache), getClass().getClassLoader())).isNotNull();
  }

  @Test
  void aCacheThatCannotBeWrittenIsNotUsed() throws Exception {
    Files.writeString(cacheDir, "a file where the directory should be");
    RuleBaseCache cache = new RuleBaseCache(cacheDir, "build-1");

    assertThat(decisions(compile(cache))).containsExactly("baseline/block-weapons BLOCK");
    assertThat(cache.read(key(cache), getClass().getClassLoader())).isNull();
  }

  @Test
  void theRunningBuildHasAnIdentity() {
    RuleBaseCache a = RuleBaseCache.in(cacheDir);
    RuleBaseCache b = RuleBaseCache.in(cacheDir);
    assertThat(a.key("baseline", Map.of("a.drl", BLOCK)))
        .isEqualTo(b.key("baseline", Map.of("a.drl", BLOCK)))
        .isNotEqualTo(a.key("baseline", Map.of("a.drl", REDACT)))
        .isNotEqualTo(a.key("general", Map.of("a.drl", BLOCK)));
  }
}
