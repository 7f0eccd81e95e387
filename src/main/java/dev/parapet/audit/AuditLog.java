package dev.parapet.audit;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Appends records to this node's hash chain. One writer thread drains a queue and commits the
 * records of concurrent requests in one transaction (group commit), then releases their callers; in
 * async mode callers do not wait, and records that find the buffer full are counted.
 */
public final class AuditLog implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

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
    this.store = store;
    this.node = node;
    this.mode = mode;
    this.batchMax = batchMax;
    this.waitLimit = waitLimit;
    this.queue = new ArrayBlockingQueue<>(bufferSize);
    AuditRecord last = store.last(node).orElse(null);
    this.seq = last == null ? 0 : last.seq();
    this.prevHash = last == null ? ChainVerifier.startOf(store, node) : last.hash();
    this.writer = new Thread(this::drain, "parapet-audit-writer");
    writer.setDaemon(true);
    if (mode != AuditMode.OFF) {
      writer.start();
    }
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
    List<AuditRecord> chained = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      seq++;
      AuditRecord linked = p.record().chained(node, seq, prevHash, "");
      String hash = Canonical.sha256(Canonical.encode(linked));
      chained.add(linked.chained(node, seq, prevHash, hash));
      prevHash = hash;
    }
    try {
      store.insert(chained);
      written.addAndGet(chained.size());
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).done().complete(chained.get(i));
      }
    } catch (SQLException | RuntimeException e) {
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

  /** Writes what is queued, then stops the writer. */
  @Override
  public void close() {
    running = false;
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
