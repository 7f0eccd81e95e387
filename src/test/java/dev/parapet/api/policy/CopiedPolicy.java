package dev.parapet.api.policy;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/** Runs the service on a private copy of the starter policy, which tests may edit. */
public class CopiedPolicy implements QuarkusTestProfile {

  static Path root;

  static Path rules() {
    return root.resolve("rules");
  }

  static Path lexicons() {
    return root.resolve("lexicons");
  }

  protected long debounceMs() {
    return 0;
  }

  @Override
  public Map<String, String> getConfigOverrides() {
    try {
      root = Files.createTempDirectory(Path.of("target"), "policy-copy");
      copy(Path.of("rules"), rules());
      copy(Path.of("lexicons"), lexicons());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of(
        "parapet.rules-dir", rules().toString(),
        "parapet.lexicons-dir", lexicons().toString(),
        "parapet.reload.debounce-ms", Long.toString(debounceMs()));
  }

  static void copy(Path from, Path to) throws IOException {
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

  /** The same, with file watching on. */
  public static class Watched extends CopiedPolicy {
    @Override
    protected long debounceMs() {
      return 200;
    }
  }
}
