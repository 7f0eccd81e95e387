package dev.parapet.cli;

import dev.parapet.audit.ChainSigner;
import dev.parapet.audit.ChainVerifier;
import dev.parapet.audit.OfflineVerifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code parapet verify EXPORT.jsonl --public-key KEY.pem …}: checks an audit export with no
 * server, trusting only the keys given. Exit codes: 0 intact, 1 problems found, 2 unreadable input.
 */
final class VerifyCommand {

  private final PrintStream out;
  private final PrintStream err;

  VerifyCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(String[] args) {
    Path export = null;
    Map<String, PublicKey> keys = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--public-key") && i + 1 < args.length) {
        Path file = Path.of(args[++i]);
        try {
          PublicKey key = ChainSigner.publicKey(Files.readString(file, StandardCharsets.US_ASCII));
          keys.put(ChainSigner.keyIdOf(key), key);
        } catch (IOException | IllegalArgumentException e) {
          err.println(file + ": not an Ed25519 public key in PEM: " + e.getMessage());
          return 2;
        }
      } else if (export == null && !args[i].startsWith("--")) {
        export = Path.of(args[i]);
      } else {
        return usage();
      }
    }
    if (export == null || keys.isEmpty()) {
      return usage();
    }
    ChainVerifier.Verification v;
    try (BufferedReader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
      v = new OfflineVerifier(keys).verify(reader);
    } catch (IOException e) {
      err.println(export + ": " + e.getMessage());
      return 2;
    }
    for (ChainVerifier.Problem p : v.problems()) {
      out.println(
          "BAD node="
              + p.node()
              + " seq="
              + p.seq()
              + (p.auditId() == null ? "" : " auditId=" + p.auditId())
              + ": "
              + p.reason());
    }
    for (ChainVerifier.Anchor a : v.checkpoints()) {
      out.println(
          "checkpoint node="
              + a.node()
              + " seq="
              + a.seq()
              + " signed "
              + a.time()
              + " by "
              + a.keyId());
    }
    out.println(
        (v.ok() ? "OK: " : "FAILED: ")
            + v.checked()
            + " record(s) checked, "
            + v.problemCount()
            + " problem(s), keys "
            + keys.keySet());
    return v.ok() ? 0 : 1;
  }

  private int usage() {
    err.println("usage: parapet verify EXPORT.jsonl --public-key KEY.pem [--public-key KEY.pem …]");
    return 2;
  }
}
