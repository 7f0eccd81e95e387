package dev.parapet.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.api.auth.Authenticator;
import dev.parapet.api.auth.Caller;
import dev.parapet.api.auth.InFlightLimiter;
import dev.parapet.app.ParapetConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a request body on the event loop, before any resource runs, so a client that sends slowly
 * holds no worker thread: a body that stalls longer than the idle timeout is answered 408 and its
 * connection closed. Bodies are read only for a valid credential (others are refused unread by the
 * auth filter), and each key may have a bounded number of requests in flight, so one key cannot
 * hold the service's memory or connections (429 beyond). A body without a Content-Type is 415.
 */
@ApplicationScoped
public class BodyReader {

  /** Where the read body waits for the resource, in the routing context. */
  public static final String BODY = "parapet.body";

  /** Gives the request's in-flight slot back; run by the auth filter once the answer is made. */
  public static final String RELEASE = "parapet.release";

  /** The caller authenticated here, so the auth filter need not verify the credential again. */
  public static final String CALLER = "parapet.body-caller";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Authenticator authenticator;
  private final InFlightLimiter inFlight;
  private final long idleMillis;
  private final long maxBytes;
  private final Vertx vertx;

  public BodyReader(
      Authenticator authenticator,
      ParapetConfig config,
      Vertx vertx,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max) {
    this.authenticator = authenticator;
    this.inFlight = new InFlightLimiter(config.limits().maxInFlightPerKey());
    this.idleMillis = Math.max(1, config.limits().bodyIdleTimeout().toMillis());
    this.maxBytes = max.asLongValue();
    this.vertx = vertx;
  }

  void install(@Observes Router router) {
    // after BodyLimit (-100), which refuses a declared oversize body without reading it
    router.route().order(-90).handler(this::handle);
  }

  private void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (!hasBody(request) || !request.path().startsWith("/v1/")) {
      ctx.next();
      return;
    }
    if (request.getHeader("Content-Type") == null) {
      refuse(
          ctx,
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          "send the body with 'Content-Type: application/json'");
      return;
    }
    Optional<Caller> caller = authenticator.enabled() ? credential(request) : Optional.empty();
    if (authenticator.enabled() && caller.isEmpty()) {
      ctx.next(); // refused by the auth filter before anything reads the body
      return;
    }
    String key =
        caller.map(Caller::id).orElseGet(() -> "address:" + request.remoteAddress().hostAddress());
    if (!inFlight.tryAcquire(key)) {
      ctx.response().putHeader("Retry-After", "1");
      refuse(
          ctx, ErrorCode.RATE_LIMITED, "this key has too many requests in flight; retry shortly");
      return;
    }
    // released once, by whichever comes first: the answer's headers going out, the end of the
    // exchange, or the client going away while the body is read
    java.util.concurrent.atomic.AtomicBoolean held =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    Runnable release =
        () -> {
          if (held.compareAndSet(true, false)) {
            inFlight.release(key);
          }
        };
    ctx.put(RELEASE, release);
    ctx.addHeadersEndHandler(v -> release.run());
    ctx.addEndHandler(done -> release.run());
    caller.ifPresent(c -> ctx.put(CALLER, c));
    new Reading(ctx, release).start();
  }

  private static boolean hasBody(HttpServerRequest request) {
    HttpMethod method = request.method();
    if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
      return false;
    }
    String length = request.getHeader("Content-Length");
    if (length != null) {
      return !length.trim().equals("0");
    }
    return request.getHeader("Transfer-Encoding") != null;
  }

  private Optional<Caller> credential(HttpServerRequest request) {
    String apiKey = request.getHeader("X-API-Key");
    if (apiKey != null && !apiKey.isBlank()) {
      return authenticator.authenticate(apiKey.trim(), false);
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = authorization.substring(7).trim();
      if (!token.isEmpty()) {
        return authenticator.authenticate(token, true);
      }
    }
    return Optional.empty();
  }

  /** One body being read: chunks appended, the idle timer re-armed while they keep coming. */
  private final class Reading {
    private final RoutingContext ctx;
    private final Runnable release;
    private final Buffer body = Buffer.buffer();
    private long lastChunk = System.nanoTime();
    private long timer;
    private boolean finished;

    Reading(RoutingContext ctx, Runnable release) {
      this.ctx = ctx;
      this.release = release;
    }

    void start() {
      HttpServerRequest request = ctx.request();
      if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
        ctx.response().writeContinue();
      }
      timer = vertx.setTimer(idleMillis, this::check);
      request.handler(this::chunk);
      request.endHandler(v -> end());
      request.exceptionHandler(
          e -> {
            finish();
            release.run(); // the client went away mid-body: nothing will be answered
          });
      request.resume();
    }

    private void chunk(Buffer chunk) {
      if (finished) {
        return;
      }
      lastChunk = System.nanoTime();
      if (body.length() + (long) chunk.length() > maxBytes) {
        finish();
        refuse(
            ctx,
            ErrorCode.TOO_LARGE,
            "the body is over " + maxBytes + " bytes: split the text or check it in parts");
        return;
      }
      body.appendBuffer(chunk);
    }

    private void end() {
      if (finished) {
        return;
      }
      finish();
      ctx.put(BODY, body);
      ctx.next();
    }

    private void check(long id) {
      if (finished) {
        return;
      }
      long idle = (System.nanoTime() - lastChunk) / 1_000_000;
      if (idle < idleMillis) {
        timer = vertx.setTimer(idleMillis - idle, this::check);
        return;
      }
      finish();
      refuse(
          ctx,
          ErrorCode.REQUEST_TIMEOUT,
          "the body stalled for over " + idleMillis + " ms; send it without pauses");
    }

    private void finish() {
      finished = true;
      vertx.cancelTimer(timer);
    }
  }

  /** Answers with a problem and closes the connection: whatever is left of the body is unread. */
  private static void refuse(RoutingContext ctx, ErrorCode code, String detail) {
    if (ctx.response().ended()) {
      return;
    }
    String problem;
    try {
      problem = JSON.writeValueAsString(Problem.of(code, detail));
    } catch (JsonProcessingException e) {
      problem = "{}";
    }
    ctx.response()
        .setStatusCode(code.status())
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .putHeader("Connection", "close")
        .end(problem)
        .onComplete(done -> ctx.request().connection().close());
  }
}
