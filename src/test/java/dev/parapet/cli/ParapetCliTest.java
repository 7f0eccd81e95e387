package dev.parapet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParapetCliTest {

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return new ParapetCli(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private Path copyOfStarterRules() throws Exception {
    Path rules = dir.resolve("rules");
    try (Stream<Path> walk = Files.walk(Path.of("rules"))) {
      for (Path p : walk.toList()) {
        Path target = rules.resolve(Path.of("rules").relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return rules;
  }

  @Test
  void theStarterPolicyPassesItsTests() {
    assertThat(run("test", "--rules", "rules", "--lexicons", "lexicons")).isZero();
    assertThat(out()).contains("0 failed");
  }

  @Test
  void aFailingCaseIsReportedAsFileLineAndExitsOne() throws Exception {
    Path rules = copyOfStarterRules();
    Files.writeString(
        rules.resolve("general/wrong.test.yaml"),
        "cases:\n  - name: first\n    text: hello\n    expect: {decision: allow}\n"
            + "  - name: expects too much\n    text: hello\n    expect: {decision: block}\n");
    assertThat(run("test", "--rules", rules.toString(), "--lexicons", "lexicons")).isEqualTo(1);
    assertThat(out()).contains("general/wrong.test.yaml:5: case 'expects too much'");
  }

  @Test
  void aPolicyThatDoesNotCompileExitsTwoWithFileAndLine() throws Exception {
    Path rules = copyOfStarterRules();
    Files.writeString(
        rules.resolve("general/bad.drl"), "package x;\nrule \"R\"\nwhen\n  Nope()\nthen\nend\n");
    assertThat(run("test", "--rules", rules.toString(), "--lexicons", "lexicons")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("general/bad.drl:");
  }

  @Test
  void evaluateReportsTheMissesAndTheMatrix() {
    int code =
        run(
            "evaluate",
            "src/test/resources/evaluation/starter.jsonl",
            "--rules",
            "rules",
            "--lexicons",
            "lexicons");
    assertThat(code).isEqualTo(1); // a code read out loud is a secret no detector can see
    assertThat(out())
        .contains("\"confusion\"")
        .contains("\"falseNegatives\"")
        .contains("read out to you");
  }

  @Test
  void aSecondRunReadsTheCompiledPolicyFromTheCacheAndPassesTheSameCases() throws Exception {
    Path cache = dir.resolve("cache");
    new ParapetCli(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            cache)
        .run(new String[] {"test", "--rules", "rules", "--lexicons", "lexicons"});
    String first = out();
    assertThat(first).contains(" 0 failed");
    try (Stream<Path> entries = Files.list(cache.resolve("rules"))) {
      assertThat(entries.filter(p -> p.toString().endsWith(".kpkg"))).isNotEmpty();
    }
    assertThat(cache.resolve("lexicons")).isDirectory();

    out.reset();
    int code =
        new ParapetCli(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                cache)
            .run(new String[] {"test", "--rules", "rules", "--lexicons", "lexicons"});
    assertThat(code).isZero();
    assertThat(out()).isEqualTo(first);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  /** The cache holds the rules as they were: an edit after a cached run is what gets checked. */
  @Test
  void aRuleFileEditedAfterACachedRunIsCompiledAgain() throws Exception {
    Path rules = copyOfStarterRules();
    Path cache = dir.resolve("cache");
    ParapetCli cli =
        new ParapetCli(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            cache);
    String[] args = {"test", "--rules", rules.toString(), "--lexicons", "lexicons"};
    assertThat(cli.run(args)).isZero();
    Path content = rules.resolve("general/content.drl");
    Files.writeString(
        content, Files.readString(content) + "\nrule \"Broken\"\nwhen\n  Nope()\nthen\nend\n");

    assertThat(cli.run(args)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("general/content.drl:");
  }

  @Test
  void noCacheIsUsedWhenTheCommandIsToldOffOrTheDirectoryCannotBeMade() throws Exception {
    String before = System.getProperty(ParapetCli.CACHE_DIR);
    try {
      System.setProperty(ParapetCli.CACHE_DIR, "off");
      assertThat(ParapetCli.usableCache()).isNull();
      Path file = Files.writeString(dir.resolve("a-file"), "x");
      System.setProperty(ParapetCli.CACHE_DIR, file.resolve("cache").toString());
      assertThat(ParapetCli.usableCache()).isNull();
      System.setProperty(ParapetCli.CACHE_DIR, dir.resolve("cache").toString());
      assertThat(ParapetCli.usableCache()).isEqualTo(dir.resolve("cache"));
    } finally {
      if (before == null) {
        System.clearProperty(ParapetCli.CACHE_DIR);
      } else {
        System.setProperty(ParapetCli.CACHE_DIR, before);
      }
    }
  }

  @Test
  void unknownCommandExitsTwo() {
    assertThat(run("frobnicate")).isEqualTo(2);
  }
}
