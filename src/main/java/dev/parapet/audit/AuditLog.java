package dev.parapet.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Appends records to this node's hash chain. One writer thread drains a queue and makes the records
 * of concurrent requests durable together (group commit), then releases their callers; in async
 * mode callers do not wait, and records that find the buffer full are counted.
 *
 * <p>Durable means committed to the store, or, with a journal, forced to the journal file; an
 * ingester thread then copies journaled records to the store in large batches, retrying until the
 * store takes them, and {@link #flush} lets readers wait for it. On start-up the journal's records
 * the store lacks are copied first. A record the store refuses for what it holds, while it takes
 * others, is moved to the {@link AuditQuarantine} instead of being retried for ever.
 */
public final class AuditLog implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());
  private static final long JOURNAL_SEGMENT_BYTES = 64L * 1024 * 1024;
  private static final int RECOVERY_BATCH = 1000;
  private static final int INGEST_BATCH = 1024;

  /** How long the ingester lets a small batch grow: a few large H2 commits cost far less CPU. */
  private static final long INGEST_LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private record Pending(AuditRecord record, CompletableFuture<AuditRecord> done) {}

  private final AuditStore store;
  private final String node;
  private final AuditMode mode;
  private final int batchMax;
  private final Duration waitLimit;
  private final BlockingQueue<Pending> queue;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final Thread writer;
  private final AuditJournal journal;
  private final AuditQuarantine quarantine;
  private final BlockingQueue<SealedRecord> toStore = new LinkedBlockingQueue<>();
  private final Thread ingester;
  private final int backlogMax;
  private final Object progress = new Object();
  private final Checkpoints checkpoints;
  private volatile long journaledSeq;
  private volatile long storedSeq;
  private volatile boolean running = true;
  private long seq;
  private String prevHash;

  /**
   * @param waitLimit how long a synchronous append waits for its commit before failing
   */
  public AuditLog(
      AuditStore store,
      String node,
      AuditMode mode,
      int bufferSize,
      int batchMax,
      Duration waitLimit)
      throws SQLException {
    this(store, node, mode, bufferSize, batchMax, waitLimit, null);
  }

  /**
   * @param journalDir where the journal lives, or null to commit each batch to the store directly
   */
  public AuditLog(
      AuditStore store,
      String node,
      AuditMode mode,
      int bufferSize,
      int batchMax,
      Duration waitLimit,
      Path journalDir)
      throws SQLException {
    this(store, node, mode, bufferSize, batchMax, waitLimit, journalDir, null);
  }

  /**
   * @param checkpoints signs this node's chain head as records are stored, or null for none; a head
   *     it signed that the store's records do not reach (they were deleted) is resumed from, so
   *     that no sequence number is given out twice
   */
  public AuditLog(
      AuditStore store,
      String node,
      AuditMode mode,
      int bufferSize,
      int batchMax,
      Duration waitLimit,
      Path journalDir,
      Checkpoints checkpoints)
      throws SQLException {
    this.store = store;
    this.checkpoints = checkpoints;
    this.node = node;
    this.mode = mode;
    this.batchMax = batchMax;
    this.waitLimit = waitLimit;
    this.queue = new ArrayBlockingQueue<>(bufferSize);
    this.backlogMax = bufferSize * 10;
    this.quarantine =
        journalDir == null
            ? null
            : new AuditQuarantine(journalDir.resolveSibling("audit-quarantine"));
    this.journal =
        journalDir == null || mode == AuditMode.OFF ? null : openJournal(journalDir, node);
    AuditRecord last = newest(store.last(node).orElse(null), quarantinedLast(node));
    this.seq = last == null ? 0 : last.seq();
    this.prevHash = last == null ? ChainVerifier.startOf(store, node) : last.hash();
    ChainHead signed = checkpoints == null ? null : checkpoints.newestSigned().orElse(null);
    if (signed != null && signed.seq() > seq) {
      LOG.log(
          Level.SEVERE,
          "audit store ends at seq {0} of chain {1}, but this node signed a head at seq {2}:"
              + " records were removed; resuming after the signed head so none is numbered twice",
          new Object[] {seq, node, signed.seq()});
      this.seq = signed.seq();
      this.prevHash = signed.hash();
    }
    this.journaledSeq = seq;
    this.storedSeq = seq;
    this.writer = new Thread(this::drain, "parapet-audit-writer");
    writer.setDaemon(true);
    this.ingester = new Thread(this::ingest, "parapet-audit-ingester");
    ingester.setDaemon(true);
    if (checkpoints != null) {
      checkpoints.start(seq, prevHash);
    }
    if (mode != AuditMode.OFF) {
      writer.start();
    }
    if (journal != null) {
      ingester.start();
    }
  }

  /** Opens the journal and copies to the store whatever it holds that the store lacks. */
  private AuditJournal openJournal(Path dir, String node) throws SQLException {
    try {
      AuditJournal journal = new AuditJournal(dir, node, JOURNAL_SEGMENT_BYTES);
      List<SealedRecord> journaled = journal.recover();
      long inStore =
          Math.max(
              store.last(node).map(AuditRecord::seq).orElse(0L),
              Optional.ofNullable(quarantinedLast(node)).map(AuditRecord::seq).orElse(0L));
      List<SealedRecord> missing =
          journaled.stream().filter(r -> r.record().seq() > inStore).toList();
      for (int i = 0; i < missing.size(); i += RECOVERY_BATCH) {
        insertOrQuarantine(
            new ArrayList<>(missing.subList(i, Math.min(missing.size(), i + RECOVERY_BATCH))));
      }
      if (!missing.isEmpty()) {
        LOG.log(Level.INFO, "audit journal: {0} records recovered into the store", missing.size());
      }
      journal.releaseAll(store::sync);
      return journal;
    } catch (IOException e) {
      throw new SQLException("the audit journal cannot be opened: " + e.getMessage(), e);
    }
  }

  private AuditRecord quarantinedLast(String node) throws SQLException {
    try {
      return quarantine == null ? null : quarantine.last(node).orElse(null);
    } catch (IOException | IllegalStateException e) {
      throw new SQLException("the audit quarantine cannot be read: " + e.getMessage(), e);
    }
  }

  private static AuditRecord newest(AuditRecord a, AuditRecord b) {
    if (a == null) {
      return b;
    }
    return b == null || a.seq() >= b.seq() ? a : b;
  }

  /**
   * Stores a batch. When the store refuses it while it is up, the records are stored one by one and
   * each it refuses for its content is quarantined. If the store goes down meanwhile, what was
   * handled is taken out of {@code batch} and the failure is thrown, for a retry of the rest.
   */
  private void insertOrQuarantine(List<SealedRecord> batch) throws SQLException, IOException {
    try {
      store.insertSealed(batch);
      return;
    } catch (SQLException | RuntimeException e) {
      if (quarantine == null || !refusesContent(e)) {
        throw e;
      }
    }
    for (int i = 0; i < batch.size(); i++) {
      SealedRecord one = batch.get(i);
      try {
        store.insertSealed(List.of(one));
      } catch (SQLException | RuntimeException e) {
        if (!refusesContent(e)) {
          batch.subList(0, i).clear();
          throw e;
        }
        quarantine.add(one, e);
      }
    }
  }

  /**
   * Whether the store refused a write for the values it holds (SQLSTATE class 22, data exception,
   * or 23, integrity constraint; or a value that could not even be bound) while it is up: no retry
   * of the same record could succeed.
   */
  private boolean refusesContent(Exception e) {
    boolean content = !(e instanceof SQLException);
    for (Throwable t = e; t != null && !content; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        content = contentState(sql.getSQLState());
        for (SQLException next = sql.getNextException();
            next != null && !content;
            next = next.getNextException()) {
          content = contentState(next.getSQLState());
        }
      }
    }
    return content && store.reachable();
  }

  private static boolean contentState(String state) {
    return state != null && (state.startsWith("22") || state.startsWith("23"));
  }

  /** Records the store refused and the quarantine keeps, of every node. */
  public int quarantined() {
    return quarantine == null ? 0 : quarantine.count();
  }

  public String node() {
    return node;
  }

  public AuditMode mode() {
    return mode;
  }

  /** Records dropped because the async buffer was full. */
  public long dropped() {
    return dropped.get();
  }

  public long written() {
    return written.get();
  }

  public AuditStore store() {
    return store;
  }

  /**
   * Appends a record; in sync mode returns once it is durable.
   *
   * @throws AuditUnavailableException when the record cannot be made durable in time
   */
  public AuditRecord append(AuditRecord record) {
    if (mode == AuditMode.OFF) {
      return record;
    }
    Pending pending = new Pending(record, new CompletableFuture<>());
    if (mode == AuditMode.ASYNC) {
      if (!queue.offer(pending)) {
        long total = dropped.incrementAndGet();
        LOG.log(Level.WARNING, "audit buffer full: record dropped ({0} so far)", total);
      }
      return record;
    }
    try {
      if (!queue.offer(pending, waitLimit.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AuditUnavailableException("the audit queue is full");
      }
      return pending.done().get(waitLimit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuditUnavailableException("interrupted while waiting for the audit store");
    } catch (ExecutionException | TimeoutException e) {
      throw new AuditUnavailableException("the audit store did not confirm the record");
    }
  }

  private void drain() {
    List<Pending> batch = new ArrayList<>(batchMax);
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, batchMax - 1);
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void commit(List<Pending> batch) {
    long startSeq = seq;
    String startHash = prevHash;
    List<SealedRecord> chained = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      seq++;
      SealedRecord sealed = SealedRecord.seal(p.record(), node, seq, prevHash);
      chained.add(sealed);
      prevHash = sealed.record().hash();
    }
    try {
      if (journal == null) {
        store.insertSealed(chained);
        written.addAndGet(chained.size());
        journaled(seq);
        stored(chained.get(chained.size() - 1));
      } else {
        if (backlog() >= backlogMax) {
          throw new SQLException("the audit store is " + backlog() + " records behind");
        }
        journal.append(chained);
        toStore.addAll(chained);
        journaled(seq);
      }
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).done().complete(chained.get(i).record());
      }
    } catch (SQLException | IOException | RuntimeException e) {
      seq = startSeq;
      prevHash = startHash;
      LOG.log(
          Level.SEVERE,
          "audit batch of {0} not written: {1}",
          new Object[] {batch.size(), e.getClass().getSimpleName()});
      if (mode == AuditMode.ASYNC) {
        dropped.addAndGet(batch.size());
      }
      batch.forEach(p -> p.done().completeExceptionally(e));
    }
  }

  /** Copies journaled records to the store in large batches, retrying until it takes them. */
  private void ingest() {
    List<SealedRecord> batch = new ArrayList<>(INGEST_BATCH);
    long backoff = 50;
    while (running || !toStore.isEmpty() || !batch.isEmpty()) {
      try {
        if (batch.isEmpty()) {
          SealedRecord first = toStore.poll(100, TimeUnit.MILLISECONDS);
          if (first == null) {
            continue;
          }
          batch.add(first);
          toStore.drainTo(batch, INGEST_BATCH - 1);
          long lingerUntil = System.nanoTime() + INGEST_LINGER_NANOS;
          while (running && batch.size() < INGEST_BATCH) {
            SealedRecord more = toStore.poll(lingerUntil - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (more == null) {
              break;
            }
            batch.add(more);
            toStore.drainTo(batch, INGEST_BATCH - batch.size());
          }
        }
        SealedRecord last = batch.get(batch.size() - 1);
        insertOrQuarantine(batch);
        written.addAndGet(batch.size());
        stored(last);
        batch.clear();
        backoff = 50;
        journal.release(storedSeq, store::sync);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (SQLException | IOException | RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "audit store refused {0} journaled records, retrying: {1}",
            new Object[] {batch.size(), e.getMessage()});
        if (!running && backoff >= 5_000) {
          return; // shutting down with the store gone: the journal keeps them for the next start
        }
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff = Math.min(backoff * 2, 5_000);
      }
    }
  }

  private void journaled(long upTo) {
    synchronized (progress) {
      journaledSeq = upTo;
    }
  }

  private void stored(SealedRecord last) {
    synchronized (progress) {
      storedSeq = last.record().seq();
      progress.notifyAll();
    }
    if (checkpoints != null) {
      checkpoints.stored(last.record().seq(), last.record().hash());
    }
  }

  /**
   * Waits until every record appended so far can be read from the store.
   *
   * @return false if that did not happen within {@code limit}
   */
  public boolean flush(Duration limit) {
    long target = journaledSeq;
    long deadline = System.nanoTime() + limit.toNanos();
    synchronized (progress) {
      while (storedSeq < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(progress, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Whether the store is so far behind the journal that appends fail: the service cannot record, so
   * it is not ready.
   */
  public boolean saturated() {
    return journal != null && backlog() >= backlogMax;
  }

  /** Records made durable but not yet in the store. */
  public long backlog() {
    return journaledSeq - storedSeq;
  }

  /**
   * Stops the writer and the ingester where they are and closes the journal's files without
   * releasing any of it: what a killed process leaves behind, for tests of recovery.
   */
  void halt() {
    running = false;
    writer.interrupt();
    ingester.interrupt();
    try {
      writer.join(10_000);
      ingester.join(10_000);
      if (journal != null) {
        journal.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "audit journal not closed: {0}", e.getMessage());
    }
  }

  /** Writes what is queued, then stops the writer and the ingester. */
  @Override
  public void close() {
    running = false;
    try {
      writer.join(10_000);
      if (journal != null) {
        ingester.join(30_000);
        if (toStore.isEmpty() && storedSeq == journaledSeq) {
          journal.releaseAll(store::sync);
        }
        journal.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "audit journal not closed cleanly: {0}", e.getMessage());
    }
    if (checkpoints != null) {
      checkpoints.close();
    }
  }
}
