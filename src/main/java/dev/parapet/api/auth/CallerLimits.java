package dev.parapet.api.auth;

import dev.parapet.app.ParapetConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The per-key request rate and the per-address failed-authentication throttle, one of each for the
 * whole service: the API's filter and the gateway's routes spend the same allowances, so a key or
 * an address cannot double its budget by switching routes.
 */
@ApplicationScoped
public class CallerLimits {

  private final KeyRateLimiter rate;
  private final FailedAuthThrottle failures;

  public CallerLimits(ParapetConfig config) {
    this.rate = new KeyRateLimiter(config.auth().requestsPerSecond(), System::nanoTime);
    this.failures =
        new FailedAuthThrottle(
            config.auth().failedAuthPerSecond(), config.auth().failedAuthBurst(), System::nanoTime);
  }

  /** Each key's request rate. */
  public KeyRateLimiter rate() {
    return rate;
  }

  /** Each address's failed authentications. */
  public FailedAuthThrottle failures() {
    return failures;
  }
}
