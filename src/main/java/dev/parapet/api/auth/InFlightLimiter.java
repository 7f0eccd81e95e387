package dev.parapet.api.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the requests one key has in flight at once, from the first byte of the body to the last
 * byte of the answer; zero or less turns the bound off.
 */
public final class InFlightLimiter {

  private final int max;
  private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  public InFlightLimiter(int max) {
    this.max = max;
  }

  /** Takes a slot for the key; false when it has {@code max} requests in flight already. */
  public boolean tryAcquire(String key) {
    if (max <= 0) {
      return true;
    }
    AtomicInteger count = counts.computeIfAbsent(key, k -> new AtomicInteger());
    if (count.incrementAndGet() > max) {
      count.decrementAndGet();
      return false;
    }
    return true;
  }

  /** Gives a slot back; the entry goes once it holds none, so idle keys cost no memory. */
  public void release(String key) {
    if (max <= 0) {
      return;
    }
    counts.computeIfPresent(key, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
  }

  /** Requests the key has in flight. */
  public int inFlight(String key) {
    AtomicInteger count = counts.get(key);
    return count == null ? 0 : count.get();
  }
}
