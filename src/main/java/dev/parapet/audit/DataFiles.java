package dev.parapet.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates the data directory's files readable by the service's user alone (0600, directories 0700):
 * they hold the audit trail, key hashes and the HMAC key. Where the file system has no POSIX
 * permissions, files are created as usual.
 */
public final class DataFiles {

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("rwx------");

  private DataFiles() {}

  /**
   * Creates a directory and its missing parents as 0700; one that exists already is left as it is
   * (it may be shared, such as a mounted volume's root).
   */
  public static Path createPrivateDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return dir;
    }
    if (!POSIX) {
      return Files.createDirectories(dir);
    }
    return Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
  }

  /** The attributes that create a file as 0600, or none without POSIX permissions. */
  public static FileAttribute<?>[] privateFile() {
    return POSIX
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
        : new FileAttribute<?>[0];
  }

  /** Writes a whole file, created (or tightened, when it existed) as 0600. */
  public static void writePrivate(Path file, byte[] content) throws IOException {
    try (SeekableByteChannel out =
        Files.newByteChannel(
            file,
            Set.of(
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING),
            privateFile())) {
      ByteBuffer bytes = ByteBuffer.wrap(content);
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
    }
    restrict(file);
  }

  /** Makes an existing file 0600 (a file another library created with the default mask). */
  public static void restrict(Path file) throws IOException {
    if (POSIX && Files.exists(file)) {
      Files.setPosixFilePermissions(file, FILE);
    }
  }
}
