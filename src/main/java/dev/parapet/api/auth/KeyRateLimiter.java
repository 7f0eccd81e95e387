package dev.parapet.api.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller: {@code perSecond} requests a second on average, bursts up to one
 * second's worth. Zero or less turns limiting off.
 */
public final class KeyRateLimiter {

  private final double perSecond;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public KeyRateLimiter(double perSecond, LongSupplier nanoTime) {
    this.perSecond = perSecond;
    this.nanoTime = nanoTime;
  }

  /**
   * Takes one token for the caller.
   *
   * @return 0 when allowed, else the whole seconds to wait before retrying (at least 1)
   */
  public long acquire(String callerId) {
    if (perSecond <= 0) {
      return 0;
    }
    Bucket bucket =
        buckets.computeIfAbsent(callerId, id -> new Bucket(perSecond, nanoTime.getAsLong()));
    return bucket.take(perSecond, nanoTime.getAsLong());
  }

  private static final class Bucket {
    private double tokens;
    private long last;

    Bucket(double capacity, long now) {
      this.tokens = capacity;
      this.last = now;
    }

    synchronized long take(double perSecond, long now) {
      tokens = Math.min(perSecond, tokens + (now - last) / 1e9 * perSecond);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    }
  }
}
