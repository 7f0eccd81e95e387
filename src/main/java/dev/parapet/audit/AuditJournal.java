package dev.parapet.audit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The durable point of the embedded store: chained records appended as JSON lines to this node's
 * segment files and forced to disk once per batch. An fsync'd append costs a fifth of an embedded
 * database commit (which H2 does not even force to disk), so a synchronous check waits for less and
 * survives power loss; the records reach the database in large batches behind it. A segment is
 * deleted only once every record in it is in the database and the database is synced.
 *
 * <p>Segments are written into files filled with zeros and synced beforehand, by a background
 * thread, so an append changes no file metadata: its fdatasync then writes the appended pages and
 * nothing else, rather than waiting for a file-system journal commit that also carries whatever the
 * database wrote meanwhile (measured: 75 ms stalls under load, and a third off the median). Reading
 * stops at the first zero byte, where nothing was written yet.
 */
final class AuditJournal implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(AuditJournal.class.getName());
  private static final String SUFFIX = ".jsonl";
  private static final int ZERO_CHUNK = 1 << 20;

  /** Zeros are forced in steps, so a new segment never queues a long write ahead of an append. */
  private static final long SYNC_STEP = 4L << 20;

  private record Segment(Path path, long lastSeq) {}

  private final Path dir;
  private final String node;
  private final long segmentBytes;
  private final Path spare;
  private final ExecutorService preparer;
  private final Deque<Segment> full = new ArrayDeque<>();
  private CompletableFuture<Void> spareReady;
  private FileChannel current;
  private Path currentPath;
  private long currentCapacity;
  private long currentBytes;
  private long currentLastSeq;

  /**
   * @param segmentBytes the size of a segment file; a batch larger than that gets a file of its own
   */
  AuditJournal(Path dir, String node, long segmentBytes) throws IOException {
    this.dir = DataFiles.createPrivateDirectories(dir);
    this.node = node.replaceAll("[^A-Za-z0-9._-]", "_");
    this.segmentBytes = segmentBytes;
    this.spare = this.dir.resolve(this.node + ".spare");
    Files.deleteIfExists(spare); // perhaps half written when the last process died
    this.preparer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "parapet-audit-journal-spare");
              t.setDaemon(true);
              return t;
            });
    prepareSpare();
  }

  /**
   * The records in this node's segments, in chain order: a torn last line is left out, and so is
   * anything after a break in the chain (the rest of a batch the journal refused).
   */
  List<SealedRecord> recover() throws IOException {
    TreeMap<Long, SealedRecord> bySeq = new TreeMap<>();
    for (Path segment : segments()) {
      long last = 0;
      for (String line : lines(segment)) {
        try {
          AuditRecord r = Canonical.parse(line);
          // a later segment holds what was written again after a refused batch: it wins
          bySeq.put(r.seq(), new SealedRecord(r, line));
          last = r.seq();
        } catch (IllegalStateException e) {
          // only the last write can be torn, and it was never acknowledged
          LOG.log(Level.WARNING, "audit journal {0}: unreadable line skipped", segment);
        }
      }
      full.add(new Segment(segment, last));
    }
    List<SealedRecord> chain = new ArrayList<>(bySeq.size());
    for (SealedRecord sealed : bySeq.values()) {
      AuditRecord r = sealed.record();
      AuditRecord before = chain.isEmpty() ? null : chain.get(chain.size() - 1).record();
      if (before != null && (r.seq() != before.seq() + 1 || !before.hash().equals(r.prevHash()))) {
        LOG.log(Level.WARNING, "audit journal: chain breaks after seq {0}", before.seq());
        break;
      }
      chain.add(sealed);
    }
    return chain;
  }

  /** The lines of a segment up to its first zero byte; a last line without its newline too. */
  private static List<String> lines(Path segment) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream(2048);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(segment), 1 << 16)) {
      for (int b = in.read(); b > 0; b = in.read()) {
        if (b == '\n') {
          addLine(lines, line);
        } else {
          line.write(b);
        }
      }
    }
    addLine(lines, line);
    return lines;
  }

  private static void addLine(List<String> lines, ByteArrayOutputStream line) {
    String text = line.toString(StandardCharsets.UTF_8);
    if (!text.isBlank()) {
      lines.add(text);
    }
    line.reset();
  }

  /** Appends the batch and forces it to disk; returns once the records would survive a crash. */
  synchronized void append(List<SealedRecord> batch) throws IOException {
    StringBuilder lines = new StringBuilder(batch.size() * 1024);
    for (SealedRecord r : batch) {
      lines.append(r.json()).append('\n');
    }
    ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
    if (current == null || currentBytes + bytes.limit() > currentCapacity) {
      roll(batch.get(0).record().seq(), bytes.limit());
    }
    long before = currentBytes;
    try {
      while (bytes.hasRemaining()) {
        current.write(bytes, before + bytes.position());
      }
      current.force(false);
    } catch (IOException e) {
      unwrite(before, bytes.limit());
      throw e;
    }
    currentBytes = before + bytes.limit();
    currentLastSeq = batch.get(batch.size() - 1).record().seq();
  }

  /**
   * Takes a refused batch back out of the file, since its seqs will be used again: zeros over it,
   * or, if even that fails, a fresh segment for what comes next (recovery prefers the later one).
   */
  private void unwrite(long from, int length) {
    try {
      ByteBuffer zeros = ByteBuffer.allocate(length);
      while (zeros.hasRemaining()) {
        current.write(zeros, from + zeros.position());
      }
      current.force(false);
    } catch (IOException e) {
      try {
        closeCurrent();
      } catch (IOException ignored) {
        current = null;
      }
    }
  }

  /**
   * Deletes the segments whose records are all in the store at or below {@code storedSeq}, after
   * {@code syncStore} has made the store itself durable.
   */
  void release(long storedSeq, Runnable syncStore) {
    List<Segment> done = new ArrayList<>();
    synchronized (this) {
      for (Segment segment : full) {
        if (segment.lastSeq() > storedSeq) {
          break;
        }
        done.add(segment);
      }
    }
    if (done.isEmpty()) {
      return;
    }
    // the store's sync can take a while; appends must not wait for it
    syncStore.run();
    synchronized (this) {
      full.removeAll(done);
    }
    done.forEach(segment -> delete(segment.path()));
  }

  /** Deletes every segment: the caller has stored and synced all records. */
  synchronized void releaseAll(Runnable syncStore) throws IOException {
    syncStore.run();
    closeCurrent();
    while (!full.isEmpty()) {
      delete(full.pollFirst().path());
    }
  }

  private void roll(long firstSeq, int batchBytes) throws IOException {
    closeCurrent();
    Path next = dir.resolve(String.format(Locale.ROOT, "%s-%020d%s", node, firstSeq, SUFFIX));
    long capacity = segmentBytes;
    if (batchBytes > segmentBytes) {
      capacity = batchBytes; // a batch too large for a segment gets a file of its own
      zeroFill(next, capacity);
    } else {
      try {
        spareReady.join();
        Files.move(spare, next, StandardCopyOption.ATOMIC_MOVE);
      } catch (CompletionException | IOException e) {
        LOG.log(Level.WARNING, "audit journal: no spare segment, writing one now", e);
        zeroFill(next, capacity);
      }
      prepareSpare();
    }
    current = FileChannel.open(next, StandardOpenOption.WRITE);
    currentPath = next;
    currentCapacity = capacity;
    currentBytes = 0;
    // the new file's directory entry must be durable too
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.log(Level.FINE, "directory sync not supported here", e);
    }
  }

  private void prepareSpare() {
    spareReady =
        CompletableFuture.runAsync(
            () -> {
              try {
                zeroFill(spare, segmentBytes);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            preparer);
  }

  private static void zeroFill(Path file, long size) throws IOException {
    ByteBuffer zeros = ByteBuffer.allocateDirect(ZERO_CHUNK);
    try (FileChannel out =
        FileChannel.open(
            file,
            java.util.Set.of(
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING),
            DataFiles.privateFile())) {
      long synced = 0;
      for (long at = 0; at < size; ) {
        zeros.clear().limit((int) Math.min(ZERO_CHUNK, size - at));
        at += out.write(zeros, at);
        if (at - synced >= SYNC_STEP || at == size) {
          out.force(true);
          synced = at;
        }
      }
    }
  }

  private void closeCurrent() throws IOException {
    if (current != null) {
      FileChannel closing = current;
      current = null;
      full.add(new Segment(currentPath, currentLastSeq));
      closing.close();
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
    preparer.shutdownNow();
    if (current != null) {
      current.close();
      current = null;
    }
    try {
      spareReady.join();
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      LOG.log(Level.FINE, "spare segment not prepared", e);
    }
    Files.deleteIfExists(spare);
  }
}
