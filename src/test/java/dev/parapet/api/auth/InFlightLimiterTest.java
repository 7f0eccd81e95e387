package dev.parapet.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A key may have a bounded number of requests in flight; others are not affected. */
class InFlightLimiterTest {

  @Test
  void aKeyAtItsBoundIsRefusedUntilARequestEnds() {
    InFlightLimiter limiter = new InFlightLimiter(2);
    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).isFalse();
    assertThat(limiter.tryAcquire("b")).isTrue();
    limiter.release("a");
    assertThat(limiter.tryAcquire("a")).isTrue();
  }

  @Test
  void anIdleKeyHoldsNoEntry() {
    InFlightLimiter limiter = new InFlightLimiter(2);
    limiter.tryAcquire("a");
    limiter.release("a");
    assertThat(limiter.inFlight("a")).isZero();
  }
}
