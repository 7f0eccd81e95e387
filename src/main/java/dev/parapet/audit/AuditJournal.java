package dev.parapet.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The durable point of the embedded store: chained records appended as JSON lines to this node's
 * segment files and forced to disk once per batch. An fsync'd append costs a fifth of an embedded
 * database commit (which H2 does not even force to disk), so a synchronous check waits for less and
 * survives power loss; the records reach the database in large batches behind it. A segment is
 * deleted only once every record in it is in the database and the database is synced.
 */
final class AuditJournal implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(AuditJournal.class.getName());
  private static final String SUFFIX = ".jsonl";

  private record Segment(Path path, long lastSeq) {}

  private final Path dir;
  private final String node;
  private final long segmentBytes;
  private final Deque<Segment> full = new ArrayDeque<>();
  private FileChannel current;
  private Path currentPath;
  private long currentBytes;
  private long currentLastSeq;

  /**
   * @param segmentBytes size after which appends start a new segment
   */
  AuditJournal(Path dir, String node, long segmentBytes) throws IOException {
    this.dir = Files.createDirectories(dir);
    this.node = node.replaceAll("[^A-Za-z0-9._-]", "_");
    this.segmentBytes = segmentBytes;
  }

  /** The records in this node's segments, oldest first; a torn last line is left out. */
  List<AuditRecord> recover() throws IOException {
    List<AuditRecord> records = new ArrayList<>();
    for (Path segment : segments()) {
      try (BufferedReader in = Files.newBufferedReader(segment, StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          try {
            records.add(Canonical.parse(line));
          } catch (IllegalStateException e) {
            // only the last write can be torn, and it was never acknowledged
            LOG.log(Level.WARNING, "audit journal {0}: unreadable line skipped", segment);
          }
        }
      }
      full.add(new Segment(segment, records.isEmpty() ? 0 : records.get(records.size() - 1).seq()));
    }
    // a batch refused halfway may have left records whose seqs were written again later
    java.util.TreeMap<Long, AuditRecord> bySeq = new java.util.TreeMap<>();
    records.forEach(r -> bySeq.put(r.seq(), r));
    return new ArrayList<>(bySeq.values());
  }

  /** Appends the batch and forces it to disk; returns once the records would survive a crash. */
  synchronized void append(List<AuditRecord> batch) throws IOException {
    if (current == null || currentBytes >= segmentBytes) {
      roll(batch.get(0).seq());
    }
    StringBuilder lines = new StringBuilder(batch.size() * 1024);
    for (AuditRecord r : batch) {
      lines.append(Canonical.json(r)).append('\n');
    }
    ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
    long before = currentBytes;
    try {
      while (bytes.hasRemaining()) {
        current.write(bytes);
      }
      current.force(false);
    } catch (IOException e) {
      // the batch is refused and its seqs reused: take back what reached the file
      try {
        current.truncate(before);
      } catch (IOException ignored) {
        closeCurrent();
      }
      throw e;
    }
    currentBytes = before + bytes.limit();
    currentLastSeq = batch.get(batch.size() - 1).seq();
  }

  /**
   * Deletes the segments whose records are all in the store at or below {@code storedSeq}, after
   * {@code syncStore} has made the store itself durable.
   */
  synchronized void release(long storedSeq, Runnable syncStore) {
    if (full.isEmpty() || full.peekFirst().lastSeq() > storedSeq) {
      return;
    }
    syncStore.run();
    while (!full.isEmpty() && full.peekFirst().lastSeq() <= storedSeq) {
      delete(full.pollFirst().path());
    }
  }

  /** Deletes every segment: the caller has stored and synced all records. */
  synchronized void releaseAll(Runnable syncStore) throws IOException {
    syncStore.run();
    closeCurrent();
    while (!full.isEmpty()) {
      delete(full.pollFirst().path());
    }
  }

  private void roll(long firstSeq) throws IOException {
    closeCurrent();
    currentPath =
        dir.resolve(String.format(java.util.Locale.ROOT, "%s-%020d%s", node, firstSeq, SUFFIX));
    current =
        FileChannel.open(
            currentPath,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
    currentBytes = current.size();
    // the new file's directory entry must be durable too
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.log(Level.FINE, "directory sync not supported here", e);
    }
  }

  private void closeCurrent() throws IOException {
    if (current != null) {
      current.close();
      full.add(new Segment(currentPath, currentLastSeq));
      current = null;
    }
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              p -> {
                String name = p.getFileName().toString();
                return name.startsWith(node + "-") && name.endsWith(SUFFIX);
              })
          .sorted()
          .toList();
    }
  }

  private static void delete(Path segment) {
    try {
      Files.deleteIfExists(segment);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
