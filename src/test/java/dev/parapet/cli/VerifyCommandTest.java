package dev.parapet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.audit.AuditDatabase;
import dev.parapet.audit.AuditEntry;
import dev.parapet.audit.AuditExport;
import dev.parapet.audit.AuditLog;
import dev.parapet.audit.AuditMode;
import dev.parapet.audit.AuditQuery;
import dev.parapet.audit.AuditStore;
import dev.parapet.audit.ChainSigner;
import dev.parapet.audit.Checkpoints;
import dev.parapet.audit.HeadFile;
import dev.parapet.audit.HeadStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parapet verify}: an export checked with no server, against a pinned key. */
class VerifyCommandTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private int run(String... args) {
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    return new ParapetCli(print, print).run(args);
  }

  private Path export(ChainSigner signer) throws Exception {
    DataSource ds = AuditDatabase.embedded(dir.resolve("data"));
    try {
      AuditDatabase.migrate(ds, false);
      HeadFile heads = new HeadFile(dir.resolve("heads.jsonl"));
      Checkpoints checkpoints =
          new Checkpoints(
              signer,
              "n1",
              new HeadStore(ds),
              heads,
              null,
              2,
              Duration.ofHours(1),
              Clock.systemUTC());
      try (AuditLog log =
          new AuditLog(
              new AuditStore(ds),
              "n1",
              AuditMode.SYNC,
              16,
              8,
              Duration.ofSeconds(10),
              null,
              checkpoints)) {
        for (int i = 0; i < 5; i++) {
          log.append(
              new AuditEntry()
                  .auditId(UUID.randomUUID().toString())
                  .time(Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i).toString())
                  .tenant("acme")
                  .decision("allow")
                  .stage("input")
                  .toRecord());
        }
      }
      Path file = dir.resolve("export.jsonl");
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        new AuditExport(new AuditStore(ds), List.of(heads)).writeJsonl(AuditQuery.all(), w);
      }
      return file;
    } finally {
      AuditDatabase.close(ds);
    }
  }

  @Test
  void anIntactExportPassesAndATruncatedOneFails() throws Exception {
    ChainSigner signer = ChainSigner.generate();
    Path export = export(signer);
    Path key = dir.resolve("audit.pub");
    Files.writeString(key, signer.publicPem(), StandardCharsets.US_ASCII);
    assertThat(run("verify", export.toString(), "--public-key", key.toString())).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("OK: 5 record(s) checked");

    // the newest record (the export's first record line) removed
    List<String> lines = Files.readAllLines(export, StandardCharsets.UTF_8);
    lines.remove(1);
    Files.write(export, lines, StandardCharsets.UTF_8);
    out.reset();
    assertThat(run("verify", export.toString(), "--public-key", key.toString())).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("truncated").contains("FAILED");
  }

  @Test
  void withoutAPinnedKeyItIsAUsageError() throws Exception {
    assertThat(run("verify", "export.jsonl")).isEqualTo(2);
  }
}
