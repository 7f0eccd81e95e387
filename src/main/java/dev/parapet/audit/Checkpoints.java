package dev.parapet.audit;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Signs this node's chain head every {@code every} stored records or {@code interval}, whichever
 * comes first, and on close; each head goes to the store, to an append-only file in the data
 * directory and, when configured, to a second sink. Signing runs on a thread of its own, off the
 * request path: the writer only publishes the newest stored (seq, hash).
 */
public final class Checkpoints implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Checkpoints.class.getName());

  /** Where else heads go: a file on separate storage, the log, or nowhere. */
  public sealed interface Sink {
    /** Each head as a log line (INFO, logger {@code dev.parapet.audit.Checkpoints}). */
    record ToLog() implements Sink {}

    record ToFile(HeadFile file) implements Sink {}
  }

  private final ChainSigner signer;
  private final String node;
  private final HeadStore store;
  private final HeadFile file;
  private final Sink sink;
  private final long every;
  private final Duration interval;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition due = lock.newCondition();
  private final Thread thread;
  private volatile Head head = new Head(0, null);
  private volatile long signedSeq;
  private volatile boolean running = true;

  /**
   * @param sink null for none
   */
  public Checkpoints(
      ChainSigner signer,
      String node,
      HeadStore store,
      HeadFile file,
      Sink sink,
      long every,
      Duration interval,
      Clock clock) {
    this.signer = signer;
    this.node = node;
    this.store = store;
    this.file = file;
    this.sink = sink;
    this.every = Math.max(1, every);
    this.interval = interval;
    this.clock = clock;
    try {
      store.register(signer.keyId(), node, signer.publicPem(), clock.instant());
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "audit signing key not registered in the store: {0}", e.getMessage());
    }
    this.thread = new Thread(this::run, "parapet-audit-checkpoints");
    thread.setDaemon(true);
  }

  /** Starts signing from the chain's current head: what the node resumed from. */
  void start(long seq, String hash) {
    head = new Head(seq, hash);
    signedSeq = newestSigned().map(ChainHead::seq).orElse(0L);
    thread.start();
  }

  public ChainSigner signer() {
    return signer;
  }

  public HeadFile file() {
    return file;
  }

  /** The newest head this node signed, from its own file (the store may have lost it). */
  java.util.Optional<ChainHead> newestSigned() {
    try {
      List<ChainHead> heads = file.read();
      return heads.stream()
          .filter(h -> h.node().equals(node))
          .max(java.util.Comparator.comparingLong(ChainHead::seq));
    } catch (IOException e) {
      LOG.log(Level.WARNING, "audit checkpoint file unreadable: {0}", e.getMessage());
      return java.util.Optional.empty();
    }
  }

  /** Called by the log once records up to {@code seq} are stored; cheap, never blocks. */
  void stored(long seq, String hash) {
    head = new Head(seq, hash);
    if (seq - signedSeq >= every && lock.tryLock()) {
      try {
        due.signal();
      } finally {
        lock.unlock();
      }
    }
  }

  private void run() {
    while (running) {
      lock.lock();
      try {
        due.await(interval.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        lock.unlock();
      }
      if (running) {
        signIfMoved();
      }
    }
  }

  /** Signs the current head unless it was signed already; returns the head signed, or null. */
  public synchronized ChainHead signIfMoved() {
    Head current = head;
    if (current.seq() <= signedSeq || current.hash() == null) {
      return null;
    }
    ChainHead signed =
        ChainHead.sign(
            signer,
            node,
            current.seq(),
            current.hash(),
            // milliseconds, as the store keeps the time: the signed text must survive the round
            // trip
            Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString());
    signedSeq = current.seq();
    write(signed);
    return signed;
  }

  private void write(ChainHead head) {
    try {
      file.append(head);
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "audit checkpoint not written to its file: {0}", e.getMessage());
    }
    try {
      store.add(head);
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "audit checkpoint not written to the store: {0}", e.getMessage());
    }
    if (sink instanceof Sink.ToLog) {
      LOG.log(Level.INFO, "audit checkpoint {0}", HeadFile.line(head));
    } else if (sink instanceof Sink.ToFile second) {
      try {
        second.file().append(head);
      } catch (IOException e) {
        LOG.log(Level.SEVERE, "audit checkpoint not written to its sink: {0}", e.getMessage());
      }
    }
  }

  /** A chain position published whole, so that a sequence is never signed with another hash. */
  private record Head(long seq, String hash) {}

  /** Stops the thread and signs the final head. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    signIfMoved();
  }
}
