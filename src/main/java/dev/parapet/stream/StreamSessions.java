package dev.parapet.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The open stream sessions: each bound to the caller that opened it, at most a fixed number per
 * caller, and ended once idle for longer than the idle time (its answer is recorded as far as it
 * came).
 */
public final class StreamSessions {

  private static final System.Logger LOG = System.getLogger(StreamSessions.class.getName());

  private final Map<String, StreamSession> open = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> perOwner = new ConcurrentHashMap<>();
  private final long idleNanos;
  private final int limit;
  private final LongSupplier nanoTime;

  /**
   * @param idle how long a session may wait for its next chunk
   * @param limit how many sessions one caller may have open at once
   * @param nanoTime the clock, {@link System#nanoTime} outside tests
   */
  public StreamSessions(Duration idle, int limit, LongSupplier nanoTime) {
    this.idleNanos = idle.toNanos();
    this.limit = limit;
    this.nanoTime = nanoTime;
  }

  /**
   * Opens a session for {@code owner}.
   *
   * @throws TooManyStreamsException when the owner already has {@code limit} open
   */
  public StreamSession open(String owner, Judge judge) {
    sweep();
    AtomicInteger count = perOwner.computeIfAbsent(owner, o -> new AtomicInteger());
    if (count.incrementAndGet() > limit) {
      count.decrementAndGet();
      throw new TooManyStreamsException(limit);
    }
    StreamSession session =
        new StreamSession(UUID.randomUUID().toString(), owner, judge, nanoTime.getAsLong());
    open.put(session.id(), session);
    return session;
  }

  /** The owner's open session of that id; another caller's session is as good as unknown. */
  public Optional<StreamSession> find(String id, String owner) {
    StreamSession session = open.get(id);
    if (session == null || !session.owner().equals(owner) || expireIfIdle(session)) {
      return Optional.empty();
    }
    return Optional.of(session);
  }

  /** Forgets a session that has ended (closed or blocked). */
  public void ended(StreamSession session) {
    if (open.remove(session.id(), session)) {
      AtomicInteger count = perOwner.get(session.owner());
      if (count != null) {
        count.decrementAndGet();
      }
    }
  }

  /** Ends every session idle for longer than the idle time; answers how many. */
  public int sweep() {
    List<StreamSession> idle = new ArrayList<>();
    for (StreamSession session : open.values()) {
      if (isIdle(session)) {
        idle.add(session);
      }
    }
    int ended = 0;
    for (StreamSession session : idle) {
      if (expireIfIdle(session)) {
        ended++;
      }
    }
    return ended;
  }

  public int size() {
    return open.size();
  }

  private boolean isIdle(StreamSession session) {
    return nanoTime.getAsLong() - session.lastUsed() > idleNanos;
  }

  private boolean expireIfIdle(StreamSession session) {
    if (!isIdle(session)) {
      return false;
    }
    try {
      session.expire();
    } catch (RuntimeException e) {
      // no policy, or the audit store refused: the session ends all the same
      LOG.log(System.Logger.Level.WARNING, "an idle stream could not be recorded", e);
    } finally {
      ended(session);
    }
    return true;
  }

  /** The session, now, a time it was last used: the clock as sessions see it. */
  public long now() {
    return nanoTime.getAsLong();
  }
}
