package dev.parapet.api.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows guessing: each address may fail authentication {@code burst} times, then once per {@code 1
 * / perSecond} seconds; beyond that its requests are answered 429 with the seconds to wait. Zero or
 * less per second turns the throttle off.
 */
public final class FailedAuthThrottle {

  /** Past this many tracked addresses, those with a full allowance again are forgotten. */
  private static final int MAX_TRACKED = 10_000;

  private final double perSecond;
  private final double burst;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Allowance> addresses = new ConcurrentHashMap<>();

  public FailedAuthThrottle(double perSecond, int burst, LongSupplier nanoTime) {
    this.perSecond = perSecond;
    this.burst = Math.max(1, burst);
    this.nanoTime = nanoTime;
  }

  /**
   * The seconds an address must wait before it may try again, 0 when it may try now; this call does
   * not use up the allowance.
   */
  public long waitFor(String address) {
    Allowance allowance = addresses.get(address);
    return perSecond <= 0 || allowance == null ? 0 : allowance.waitSeconds(nanoTime.getAsLong());
  }

  /** Counts one failed authentication from an address. */
  public void failed(String address) {
    if (perSecond <= 0) {
      return;
    }
    if (addresses.size() >= MAX_TRACKED) {
      long now = nanoTime.getAsLong();
      addresses.values().removeIf(a -> a.full(now));
    }
    addresses
        .computeIfAbsent(address, a -> new Allowance(nanoTime.getAsLong()))
        .spend(nanoTime.getAsLong());
  }

  private final class Allowance {
    private double left = burst;
    private long last;

    Allowance(long now) {
      this.last = now;
    }

    private void refill(long now) {
      left = Math.min(burst, left + (now - last) / 1e9 * perSecond);
      last = now;
    }

    synchronized void spend(long now) {
      refill(now);
      left = Math.max(0, left - 1);
    }

    synchronized long waitSeconds(long now) {
      refill(now);
      return left >= 1 ? 0 : Math.max(1, (long) Math.ceil((1 - left) / perSecond));
    }

    synchronized boolean full(long now) {
      refill(now);
      return left >= burst;
    }
  }
}
