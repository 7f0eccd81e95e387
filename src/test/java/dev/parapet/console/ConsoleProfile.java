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
 * directory of its own (whose audit store the tests tamper with).
 */
public class ConsoleProfile implements QuarkusTestProfile {

  static Path root;

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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of(
        "parapet.rules-dir", rules().toString(),
        "parapet.lexicons-dir", root.resolve("lexicons").toString(),
        "parapet.data-dir", dataDir().toString(),
        "parapet.reload.debounce-ms", "0");
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
