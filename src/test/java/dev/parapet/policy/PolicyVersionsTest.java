package dev.parapet.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyVersionsTest {

  @TempDir Path dir;
  Path rules;
  Path lexicons;
  MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  PolicyVersions registry;

  @BeforeEach
  void layout() throws Exception {
    rules = Files.createDirectories(dir.resolve("policy/rules"));
    lexicons = Files.createDirectories(dir.resolve("policy/lexicons"));
    StrictPolicyFilesTest.write(
        rules, "profiles.yaml", "profiles:\n  default:\n    tiers: [baseline]\n");
    StrictPolicyFilesTest.write(
        rules,
        "baseline/critical.drl",
        PolicyLoaderTest.HEADER
            + "rule \"BlockCriticalContent\"\nwhen\n"
            + "  $f : Finding(severity == Severity.CRITICAL)\nthen\n"
            + "  decide.block(\"critical content\", $f);\nend\n");
    StrictPolicyFilesTest.write(
        lexicons, "weapons.yaml", "category: weapons\nseverity: critical\n");
    StrictPolicyFilesTest.write(lexicons, "weapons.txt", "pipe bomb\n");
    registry = new PolicyVersions(dir.resolve("data/policy-versions"), "node-a", clock);
  }

  @Test
  void keepsEveryFileOfAServedVersionWithItsContent() throws Exception {
    Policy policy = PolicyLoader.load(rules, lexicons);
    registry.serving(policy);

    PolicyVersions.Version v = registry.find(policy.version()).orElseThrow();
    assertThat(v.files())
        .extracting(PolicyVersions.StoredFile::path)
        .containsExactly(
            "rules/baseline/critical.drl",
            "rules/profiles.yaml",
            "lexicons/weapons.txt",
            "lexicons/weapons.yaml");
    assertThat(v.files()).allMatch(PolicyVersions.StoredFile::stored);
    assertThat(v.kinds()).containsExactly("live");
    assertThat(v.served())
        .containsEntry(
            "node-a", new PolicyVersions.Served("2026-12-01T10:00:00Z", "2026-12-01T10:00:00Z"));
    assertThat(
            new String(
                registry.content(policy.version(), "lexicons/weapons.txt").orElseThrow(),
                StandardCharsets.UTF_8))
        .isEqualTo("pipe bomb\n");
  }

  @Test
  void aReplacedVersionKeepsItsFilesAndWhenItWasLastServed() throws Exception {
    Policy first = PolicyLoader.load(rules, lexicons);
    registry.serving(first);
    Files.writeString(lexicons.resolve("weapons.txt"), "pipe bomb\nnail bomb\n");
    clock.now = Instant.parse("2026-12-02T08:30:00Z");
    Policy second = PolicyLoader.load(rules, lexicons);
    registry.serving(second);

    assertThat(registry.list())
        .extracting(PolicyVersions.Version::version)
        .containsExactly(second.version(), first.version());
    assertThat(registry.find(first.version()).orElseThrow().served().get("node-a"))
        .isEqualTo(new PolicyVersions.Served("2026-12-01T10:00:00Z", "2026-12-02T08:30:00Z"));
    assertThat(
            new String(
                registry.content(first.version(), "lexicons/weapons.txt").orElseThrow(),
                StandardCharsets.UTF_8))
        .isEqualTo("pipe bomb\n");
    assertThat(registry.find(first.version().substring(7))).isPresent();
  }

  @Test
  void theShadowCandidateIsAVersionOfItsOwn() throws Exception {
    Path candidate = dir.resolve("policy/candidate");
    StrictPolicyFilesTest.write(
        rules,
        "profiles.yaml",
        "profiles:\n  default:\n    tiers: [baseline]\n    shadow: candidate\n");
    CopyTree.copy(rules, candidate.resolve("rules"));
    CopyTree.copy(lexicons, candidate.resolve("lexicons"));
    StrictPolicyFilesTest.write(
        candidate.resolve("lexicons"), "weapons.txt", "pipe bomb\nzip gun\n");
    Policy policy = PolicyLoader.load(rules, lexicons);
    registry.serving(policy);

    String shadow = policy.shadowOf("default").orElseThrow().version();
    assertThat(shadow).isNotEqualTo(policy.version());
    assertThat(registry.find(policy.version()).orElseThrow().shadows())
        .containsEntry("default", shadow);
    PolicyVersions.Version candidateVersion = registry.find(shadow).orElseThrow();
    assertThat(candidateVersion.kinds()).containsExactly("shadow");
    assertThat(candidateVersion.shadowOf()).containsExactly("default");
    assertThat(
            new String(
                registry.content(shadow, "lexicons/weapons.txt").orElseThrow(),
                StandardCharsets.UTF_8))
        .contains("zip gun");
  }

  @Test
  void storedContentThatNoLongerMatchesItsDigestIsNotServed() throws Exception {
    Policy policy = PolicyLoader.load(rules, lexicons);
    registry.serving(policy);
    String sha =
        registry.find(policy.version()).orElseThrow().files().stream()
            .filter(f -> f.path().equals("lexicons/weapons.txt"))
            .findFirst()
            .orElseThrow()
            .sha256();
    Path blob = dir.resolve("data/policy-versions/files/" + sha + ".gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(blob))) {
      out.write("water pistol\n".getBytes(StandardCharsets.UTF_8));
    }

    assertThatThrownBy(() -> registry.content(policy.version(), "lexicons/weapons.txt"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("does not match its digest");
  }

  @Test
  void unknownVersionsAndFilesAreEmpty() throws Exception {
    Policy policy = PolicyLoader.load(rules, lexicons);
    registry.serving(policy);

    assertThat(registry.find("sha256:" + "0".repeat(64))).isEmpty();
    assertThat(registry.find("../../etc/passwd")).isEmpty();
    assertThat(registry.content(policy.version(), "rules/../../x")).isEmpty();
  }

  static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static final class CopyTree {
    static void copy(Path from, Path to) throws IOException {
      try (var walk = Files.walk(from)) {
        for (Path p : walk.toList()) {
          Path target = to.resolve(from.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(target);
          } else {
            Files.copy(p, target);
          }
        }
      }
    }
  }
}
