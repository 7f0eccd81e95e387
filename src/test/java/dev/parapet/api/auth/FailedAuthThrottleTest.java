package dev.parapet.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Failed authentications from one address are allowed in a burst, then slowed. */
class FailedAuthThrottleTest {

  private final AtomicLong now = new AtomicLong();
  private final FailedAuthThrottle throttle = new FailedAuthThrottle(1, 3, now::get);

  @Test
  void anAddressMayFailABurstThenWaits() {
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.waitFor("10.0.0.1")).isZero();
      throttle.failed("10.0.0.1");
    }
    assertThat(throttle.waitFor("10.0.0.1")).isPositive();
    assertThat(throttle.waitFor("10.0.0.2")).isZero();
  }

  @Test
  void theAllowanceComesBackWithTime() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("10.0.0.1");
    }
    long wait = throttle.waitFor("10.0.0.1");
    assertThat(wait).isPositive();
    now.addAndGet(wait * 1_000_000_000L);
    assertThat(throttle.waitFor("10.0.0.1")).isZero();
  }

  @Test
  void zeroPerSecondTurnsTheThrottleOff() {
    FailedAuthThrottle off = new FailedAuthThrottle(0, 1, now::get);
    for (int i = 0; i < 10; i++) {
      off.failed("10.0.0.1");
    }
    assertThat(off.waitFor("10.0.0.1")).isZero();
  }
}
