package dev.parapet.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Stream sessions and the OpenAI-compatible gateway ({@code parapet.stream.*}). */
@ConfigMapping(prefix = "parapet.stream")
public interface StreamConfig {

  /** How long a stream session may wait for its next chunk before it ends (and is recorded). */
  @WithDefault("60s")
  Duration idleTimeout();

  /** Stream sessions one key may have open at once; past it, 429. */
  @WithDefault("16")
  int maxPerKey();

  /**
   * The upstream model API the gateway forwards {@code POST /v1/chat/completions} to: a base URL
   * ending in {@code /v1}, as OpenAI's. Unset, the gateway answers 404. Env: {@code
   * PARAPET_STREAM_UPSTREAM_URL}, or {@code PARAPET_UPSTREAM_URL}.
   */
  Optional<String> upstreamUrl();

  /**
   * The key sent upstream as {@code Authorization: Bearer}; unset, the caller's own {@code
   * X-Upstream-Authorization} header is passed through.
   */
  Optional<String> upstreamApiKey();

  /** The longest the upstream may take to answer, or to send the next part of a stream. */
  @WithDefault("60s")
  Duration upstreamTimeout();

  /** The profile the gateway checks with when the caller names none. */
  Optional<String> gatewayProfile();
}
