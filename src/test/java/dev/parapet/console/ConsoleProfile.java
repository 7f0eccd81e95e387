package dev.parapet.console;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The service on a private copy of the starter policy (which the tests break and mend) and a data
 * directory of its own (whose audit store the tests tamper with). Its profile {@code shadowed} is
 * judged beside a candidate (a draft) that also blocks {@link #DRAFT_ONLY_TERM}, and keeps texts.
 */
public class ConsoleProfile implements QuarkusTestProfile {

  static Path root;

  /** A made-up weapon only the shadow candidate's lexicon lists, as critical. */
  static final String DRAFT_ONLY_TERM = "zorblax device";

  private static final String SHADOWED =
      """
        shadowed:
          description: Default, judged beside a draft that also blocks a made-up weapon
          tiers: [baseline, general, "tenant/${tenant}", "app/${app}"]
          failMode: closed
          redaction: { default: replace }
          textStorage: full
          injectionThreshold: 0.7
      """;

  static Path rules() {
    return root.resolve("rules");
  }

  static Path dataDir() {
    return root.resolve("data");
  }

  @Override
  public Map<String, String> getConfigOverrides() {
    try {
      root = Files.createTempDirectory(Path.of("target"), "console-test").toAbsolutePath();
      copy(Path.of("rules"), rules());
      copy(Path.of("lexicons"), root.resolve("lexicons"));
      Path candidate = root.resolve("candidate");
      copy(Path.of("rules"), candidate.resolve("rules"));
      copy(Path.of("lexicons"), candidate.resolve("lexicons"));
      append(candidate.resolve("rules").resolve("profiles.yaml"), SHADOWED);
      append(
          candidate.resolve("lexicons").resolve("weapons-en.txt"),
          DRAFT_ONLY_TERM + " | severity=critical\n");
      append(rules().resolve("profiles.yaml"), SHADOWED + "    shadow: candidate\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of(
        "parapet.rules-dir", rules().toString(),
        "parapet.lexicons-dir", root.resolve("lexicons").toString(),
        "parapet.data-dir", dataDir().toString(),
        "parapet.reload.debounce-ms", "0");
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(
        file,
        text,
        java.nio.charset.StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
