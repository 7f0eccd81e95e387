package dev.parapet.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.model.PolicyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kubernetes mounts a ConfigMap as links: each visible entry points through {@code ..data} into a
 * hidden timestamped directory holding the real files. The policy read from such a mount must be
 * the one read from a plain checkout: same tiers, lexicons, tests and version.
 */
class ConfigMapLayoutTest {

  @TempDir Path mount;

  @Test
  void shippedPolicyMountedAsConfigMapsLoadsLikeThePlainDirectories() throws IOException {
    Path rules = project(Path.of("rules"), mount.resolve("rules"));
    Path lexicons = project(Path.of("lexicons"), mount.resolve("lexicons"));

    Policy plain = PolicyLoader.load(Path.of("rules"), Path.of("lexicons"));
    Policy mounted = PolicyLoader.load(rules, lexicons);

    assertThat(mounted.version()).isEqualTo(plain.version());
    assertThat(mounted.tiers().keySet()).isEqualTo(plain.tiers().keySet());
    assertThat(mounted.tiers().get("baseline").ruleIds())
        .isEqualTo(plain.tiers().get("baseline").ruleIds());
    assertThat(mounted.detectorSet().lexicons()).isEqualTo(plain.detectorSet().lexicons());
    assertThat(PolicyFiles.under(rules, ".test.yaml"))
        .hasSameSizeAs(PolicyFiles.under(Path.of("rules"), ".test.yaml"))
        .isNotEmpty();
  }

  @Test
  void hiddenEntriesAreNeitherPolicyNorPartOfTheVersion() throws IOException {
    Path rules = project(Path.of("rules"), mount.resolve("rules"));
    Path lexicons = project(Path.of("lexicons"), mount.resolve("lexicons"));
    String before = PolicyLoader.load(rules, lexicons).version();

    Files.writeString(rules.resolve(".content.drl.swp"), "not a rule");
    Files.createDirectories(rules.resolve(".git"));
    Files.writeString(rules.resolve(".git/broken.drl"), "rule without end");

    assertThat(PolicyLoader.load(rules, lexicons).version()).isEqualTo(before);
  }

  @Test
  void aSwapOfTheDataLinkIsANewVersion() throws IOException {
    Path rules = project(Path.of("rules"), mount.resolve("rules"));
    Path lexicons = project(Path.of("lexicons"), mount.resolve("lexicons"));
    String before = PolicyLoader.load(rules, lexicons).version();

    // kubelet writes the new content to a fresh hidden directory, then renames ..data onto it
    Path next = Files.createDirectory(lexicons.resolve("..2026_11_29_10_00_00.2"));
    try (Stream<Path> files = Files.list(lexicons.resolve("..data"))) {
      for (Path file : files.toList()) {
        Files.copy(file, next.resolve(file.getFileName()));
      }
    }
    Files.writeString(
        next.resolve("profanity-en.txt"),
        Files.readString(next.resolve("profanity-en.txt")) + "\nzorblax\n");
    Path tmp = Files.createSymbolicLink(lexicons.resolve("..data_tmp"), next.getFileName());
    Files.move(tmp, lexicons.resolve("..data"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);

    assertThat(PolicyLoader.load(rules, lexicons).version()).isNotEqualTo(before);
  }

  /** Lays {@code source} out under {@code target} the way kubelet projects a ConfigMap volume. */
  static Path project(Path source, Path target) throws IOException {
    Path real = Files.createDirectories(target.resolve("..2026_11_29_09_00_00.1"));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(source)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (Path file : files) {
      Path copy = real.resolve(source.relativize(file).toString());
      Files.createDirectories(copy.getParent());
      Files.copy(file, copy);
    }
    Files.createSymbolicLink(target.resolve("..data"), real.getFileName());
    try (Stream<Path> top = Files.list(real)) {
      for (Path entry : top.toList()) {
        Path name = entry.getFileName();
        Files.createSymbolicLink(target.resolve(name), Path.of("..data").resolve(name));
      }
    }
    return target;
  }
}
