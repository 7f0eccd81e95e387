package dev.parapet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory's files and directories are the service user's alone. */
class DataFilesTest {

  @TempDir Path dir;

  @Test
  void newDirectoriesAre0700() throws Exception {
    Path nested = DataFiles.createPrivateDirectories(dir.resolve("a/b"));
    assertThat(Files.getPosixFilePermissions(nested))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(Files.getPosixFilePermissions(nested.getParent()))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
  }

  @Test
  void anExistingDirectoryIsLeftAsItIs() throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    DataFiles.createPrivateDirectories(dir);
    assertThat(Files.getPosixFilePermissions(dir))
        .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void writtenFilesAre0600EvenWhenTheyExistedBefore() throws Exception {
    Path file = dir.resolve("key");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    DataFiles.writePrivate(file, "new".getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readString(file)).isEqualTo("new");
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void journalSegmentsAre0600() throws Exception {
    try (AuditJournal journal = new AuditJournal(dir.resolve("journal"), "n1", 1 << 16)) {
      journal.append(
          AuditStores.chain(
              java.util.List.of(
                  AuditStores.record(
                      "allow",
                      "default",
                      null,
                      null,
                      java.time.Instant.parse("2026-11-01T00:00:00Z")))));
    }
    try (var files = Files.list(dir.resolve("journal"))) {
      for (Path segment : files.toList()) {
        assertThat(Files.getPosixFilePermissions(segment))
            .as(segment.toString())
            .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      }
    }
    assertThat(Files.getPosixFilePermissions(dir.resolve("journal")))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
  }
}
