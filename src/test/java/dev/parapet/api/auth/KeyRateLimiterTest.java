package dev.parapet.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyRateLimiterTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void allowsABurstOfOneSecondThenAsksToWait() {
    KeyRateLimiter limiter = new KeyRateLimiter(3, now::get);
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isEqualTo(1);
  }

  @Test
  void refillsOverTime() {
    KeyRateLimiter limiter = new KeyRateLimiter(2, now::get);
    limiter.acquire("a");
    limiter.acquire("a");
    assertThat(limiter.acquire("a")).isPositive();
    now.addAndGet(600_000_000L);
    assertThat(limiter.acquire("a")).isZero();
  }

  @Test
  void keysHaveTheirOwnBuckets() {
    KeyRateLimiter limiter = new KeyRateLimiter(1, now::get);
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("b")).isZero();
    assertThat(limiter.acquire("a")).isPositive();
  }

  @Test
  void zeroTurnsLimitingOff() {
    KeyRateLimiter limiter = new KeyRateLimiter(0, now::get);
    for (int i = 0; i < 10_000; i++) {
      assertThat(limiter.acquire("a")).isZero();
    }
  }
}
