package dev.parapet.policy;

import dev.parapet.digest.Sha256;
import dev.parapet.model.PolicyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** The policy version: a SHA-256 over every file's relative path and bytes, in a fixed order. */
final class PolicyDigest {

  private PolicyDigest() {}

  static String of(Path rulesDir, Path lexiconsDir) {
    MessageDigest sha = Sha256.newDigest();
    add(sha, "rules", rulesDir);
    add(sha, "lexicons", lexiconsDir);
    return "sha256:" + HexFormat.of().formatHex(sha.digest());
  }

  private static void add(MessageDigest sha, String label, Path dir) {
    try {
      for (Path file : PolicyFiles.under(dir, "")) {
        String name = label + "/" + dir.relativize(file).toString().replace('\\', '/');
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(Files.readAllBytes(file));
        sha.update((byte) 0);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
