package dev.parapet.api.auth;

import dev.parapet.api.ErrorCode;
import dev.parapet.api.Problem;
import dev.parapet.app.ParapetConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Demands a valid credential and the role the path needs before any resource runs, then applies the
 * caller's rate limit. Health, metrics and OpenAPI are not resources and stay anonymous.
 */
public class AuthFilter {

  static final String CALLER = "parapet.caller";

  private final Authenticator authenticator;
  private final KeyRateLimiter limiter;

  public AuthFilter(Authenticator authenticator, ParapetConfig config) {
    this.authenticator = authenticator;
    this.limiter = new KeyRateLimiter(config.auth().requestsPerSecond(), System::nanoTime);
  }

  /** The role each part of the API needs. */
  static Role requiredRole(String path) {
    String p = path.startsWith("/") ? path : "/" + path;
    if (p.startsWith("/v1/check")) {
      return Role.CHECKER;
    } else if (p.startsWith("/v1/audit")) {
      return Role.AUDITOR;
    }
    return Role.POLICY_ADMIN;
  }

  @ServerRequestFilter
  public Optional<Response> authorize(ContainerRequestContext request) {
    if (!authenticator.enabled()) {
      return Optional.empty();
    }
    Optional<Caller> caller = credential(request);
    if (caller.isEmpty()) {
      return Optional.of(
          problem(
                  ErrorCode.UNAUTHENTICATED,
                  "send a valid API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'")
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"parapet\"")
              .build());
    }
    Role needed = requiredRole(request.getUriInfo().getPath());
    if (!caller.get().has(needed)) {
      return Optional.of(
          problem(ErrorCode.FORBIDDEN, "this call needs the role '" + needed.wireName() + "'")
              .build());
    }
    long wait = limiter.acquire(caller.get().id());
    if (wait > 0) {
      return Optional.of(
          problem(ErrorCode.RATE_LIMITED, "this key is over its request rate; retry later")
              .header("Retry-After", Long.toString(wait))
              .build());
    }
    request.setProperty(CALLER, caller.get());
    return Optional.empty();
  }

  private Optional<Caller> credential(ContainerRequestContext request) {
    String apiKey = request.getHeaderString("X-API-Key");
    if (apiKey != null && !apiKey.isBlank()) {
      return authenticator.authenticate(apiKey.trim(), false);
    }
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = authorization.substring(7).trim();
      if (!token.isEmpty()) {
        return authenticator.authenticate(token, true);
      }
    }
    return Optional.empty();
  }

  private static Response.ResponseBuilder problem(ErrorCode code, String detail) {
    return Response.status(code.status()).type(Problem.MEDIA_TYPE).entity(Problem.of(code, detail));
  }
}
