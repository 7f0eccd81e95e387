package dev.parapet.api.auth;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds the requests one key has in flight at once, from the first byte of the body to the last
 * byte of the answer; zero or less turns the bound off.
 */
public final class InFlightLimiter {

  private final int max;
  private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();

  public InFlightLimiter(int max) {
    this.max = max;
  }

  /** Takes a slot for the key; false when it has {@code max} requests in flight already. */
  public boolean tryAcquire(String key) {
    if (max <= 0) {
      return true;
    }
    boolean[] taken = {false};
    // counted inside the map's per-key lock, so a release that removes the entry cannot race it
    counts.compute(
        key,
        (k, count) -> {
          int now = count == null ? 0 : count;
          if (now >= max) {
            return count;
          }
          taken[0] = true;
          return now + 1;
        });
    return taken[0];
  }

  /** Gives a slot back; the entry goes once it holds none, so idle keys cost no memory. */
  public void release(String key) {
    if (max <= 0) {
      return;
    }
    counts.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
  }

  /** Requests the key has in flight. */
  public int inFlight(String key) {
    return counts.getOrDefault(key, 0);
  }
}
