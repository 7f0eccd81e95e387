package dev.parapet.policy;

import dev.parapet.digest.Sha256;
import dev.parapet.model.PolicyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The policy version: a SHA-256 over every file's relative path and bytes, in a fixed order, and
 * the digest of each file, read in the same pass so the list names exactly what was hashed.
 */
final class PolicyDigest {

  /** The version and the files it covers. */
  record Result(String version, List<PolicyFile> files) {
    Result {
      files = List.copyOf(files);
    }
  }

  private PolicyDigest() {}

  static String of(Path rulesDir, Path lexiconsDir) {
    return digest(rulesDir, lexiconsDir).version();
  }

  static Result digest(Path rulesDir, Path lexiconsDir) {
    MessageDigest sha = Sha256.newDigest();
    List<PolicyFile> files = new ArrayList<>();
    add(sha, "rules", rulesDir, files);
    add(sha, "lexicons", lexiconsDir, files);
    return new Result("sha256:" + HexFormat.of().formatHex(sha.digest()), files);
  }

  private static void add(MessageDigest sha, String label, Path dir, List<PolicyFile> files) {
    try {
      for (Path file : PolicyFiles.under(dir, "")) {
        String name = label + "/" + dir.relativize(file).toString().replace('\\', '/');
        byte[] bytes = Files.readAllBytes(file);
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(bytes);
        sha.update((byte) 0);
        files.add(
            new PolicyFile(
                name, HexFormat.of().formatHex(Sha256.newDigest().digest(bytes)), bytes.length));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
