package dev.parapet.api.auth;

import dev.parapet.api.BodyReader;
import dev.parapet.api.ErrorCode;
import dev.parapet.api.Problem;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Demands a valid credential and the role the path needs before any resource runs, then applies the
 * caller's rate limit; repeated failures from one address are slowed. Health, metrics and OpenAPI
 * are not resources and stay anonymous.
 */
public class AuthFilter {

  /** The request property holding the authenticated {@link Caller}. */
  public static final String CALLER = "parapet.caller";

  private final Authenticator authenticator;
  private final KeyRateLimiter limiter;
  private final FailedAuthThrottle failures;
  private final CurrentVertxRequest vertxRequest;

  public AuthFilter(
      Authenticator authenticator, CallerLimits limits, CurrentVertxRequest vertxRequest) {
    this.authenticator = authenticator;
    this.limiter = limits.rate();
    this.failures = limits.failures();
    this.vertxRequest = vertxRequest;
  }

  /** The role each part of the API needs. */
  static Role requiredRole(String path) {
    String p = path.startsWith("/") ? path : "/" + path;
    if (p.startsWith("/v1/check")) {
      return Role.CHECKER;
    } else if (p.startsWith("/v1/streams")
        || p.startsWith("/v1/chat/completions")
        || p.startsWith("/beta/litellm_basic_guardrail_api")) {
      return Role.CHECKER; // answers and prompts checked in other shapes

    } else if (p.startsWith("/v1/audit")) {
      return Role.AUDITOR;
    }
    return Role.POLICY_ADMIN;
  }

  /** The policy versions are an auditor's evidence too: what a record's policyVersion names. */
  static boolean auditorsMayRead(String path) {
    String p = path.startsWith("/") ? path : "/" + path;
    return p.equals("/v1/policies/versions") || p.startsWith("/v1/policies/versions/");
  }

  @ServerRequestFilter
  public Optional<Response> authorize(ContainerRequestContext request) {
    RoutingContext ctx = vertxRequest.getCurrent();
    restoreBody(request, ctx);
    if (!authenticator.enabled() || isConsole(request.getUriInfo().getPath())) {
      return Optional.empty();
    }
    String address = address(ctx);
    long blocked = failures.waitFor(address);
    if (blocked > 0) {
      return Optional.of(
          problem(
                  ErrorCode.RATE_LIMITED,
                  "too many failed authentications from this address; retry later")
              .header("Retry-After", Long.toString(blocked))
              .build());
    }
    Caller known = ctx == null ? null : ctx.get(BodyReader.CALLER);
    Optional<Caller> caller = known != null ? Optional.of(known) : credential(request);
    if (caller.isEmpty()) {
      failures.failed(address);
      return Optional.of(
          problem(
                  ErrorCode.UNAUTHENTICATED,
                  "send a valid API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'")
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"parapet\"")
              .build());
    }
    Role needed = requiredRole(request.getUriInfo().getPath());
    if (!caller.get().has(needed)
        && !(auditorsMayRead(request.getUriInfo().getPath()) && caller.get().has(Role.AUDITOR))) {
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
    if (ctx != null) {
      ctx.put(CALLER, caller.get());
    }
    return Optional.empty();
  }

  /**
   * Gives the request's in-flight slot back once its answer is made: the routing context's own end
   * handlers can be displaced by handlers set on the response further down.
   */
  @ServerResponseFilter
  public void releaseSlot(ContainerResponseContext response) {
    RoutingContext ctx = vertxRequest.getCurrent();
    Runnable release = ctx == null ? null : ctx.get(BodyReader.RELEASE);
    if (release != null) {
      release.run();
    }
  }

  /**
   * The console's pages keep their own signed-in session (a cookie, not a header) and check the
   * same roles themselves, through {@link #requiredRole} and {@link Caller#has}.
   */
  static boolean isConsole(String path) {
    String p = path.startsWith("/") ? path : "/" + path;
    return p.equals("/console") || p.startsWith("/console/");
  }

  /** Hands the body {@link BodyReader} read on the event loop to the resource. */
  private static void restoreBody(ContainerRequestContext request, RoutingContext ctx) {
    Buffer body = ctx == null ? null : ctx.get(BodyReader.BODY);
    if (body != null) {
      request.setEntityStream(new ByteArrayInputStream(body.getBytes()));
    }
  }

  private static String address(RoutingContext ctx) {
    if (ctx == null || ctx.request().remoteAddress() == null) {
      return "unknown";
    }
    return ctx.request().remoteAddress().hostAddress();
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
