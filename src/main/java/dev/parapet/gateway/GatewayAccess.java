package dev.parapet.gateway;

import dev.parapet.api.BodyReader;
import dev.parapet.api.auth.Authenticator;
import dev.parapet.api.auth.Caller;
import dev.parapet.api.auth.CallerLimits;
import dev.parapet.api.auth.Role;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Who may use the gateway, decided as the API's auth filter decides: an address that failed
 * authentication too often waits, a valid credential with the role {@code checker} is needed, and
 * the key's request rate is spent from the same allowance as its API calls. Refusals are OpenAI's
 * error JSON, 429s with {@code Retry-After}.
 */
final class GatewayAccess {

  private final Authenticator authenticator;
  private final CallerLimits limits;

  GatewayAccess(Authenticator authenticator, CallerLimits limits) {
    this.authenticator = authenticator;
    this.limits = limits;
  }

  /**
   * Whether the request may go on; if not, its answer is written. The caller, when there is one, is
   * left in the context under {@link BodyReader#CALLER}.
   */
  boolean admit(RoutingContext ctx) {
    if (!authenticator.enabled()) {
      return true;
    }
    HttpServerRequest request = ctx.request();
    HttpServerResponse out = ctx.response();
    String address =
        request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    long blocked = limits.failures().waitFor(address);
    if (blocked > 0) {
      tooMany(out, blocked, "too many failed authentications from this address; retry later");
      return false;
    }
    Caller known = ctx.get(BodyReader.CALLER);
    Optional<Caller> caller =
        known != null
            ? Optional.of(known)
            : authenticator.fromHeaders(
                request.getHeader("X-API-Key"), request.getHeader("Authorization"));
    if (caller.isEmpty()) {
      limits.failures().failed(address);
      out.putHeader("WWW-Authenticate", "Bearer realm=\"parapet\"");
      ChatCompletionsRoute.fail(
          out,
          401,
          "send a valid Parapet API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'",
          "invalid_request_error",
          null,
          "invalid_api_key");
      return false;
    }
    if (!caller.get().has(Role.CHECKER)) {
      ChatCompletionsRoute.fail(
          out, 403, "this key lacks the role 'checker'", "permission_error", null, "forbidden");
      return false;
    }
    long wait = limits.rate().acquire(caller.get().id());
    if (wait > 0) {
      tooMany(out, wait, "this key is over its request rate; retry later");
      return false;
    }
    ctx.put(BodyReader.CALLER, caller.get());
    return true;
  }

  private static void tooMany(HttpServerResponse out, long seconds, String message) {
    out.putHeader("Retry-After", Long.toString(seconds));
    ChatCompletionsRoute.fail(out, 429, message, "rate_limit_error", null, "rate_limited");
  }
}
