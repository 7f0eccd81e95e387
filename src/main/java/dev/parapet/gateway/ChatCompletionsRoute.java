package dev.parapet.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.api.BodyReader;
import dev.parapet.api.ProblemException;
import dev.parapet.api.auth.Authenticator;
import dev.parapet.api.auth.Caller;
import dev.parapet.api.auth.CallerLimits;
import dev.parapet.api.auth.TenantScope;
import dev.parapet.app.ParapetConfig;
import dev.parapet.app.StreamConfig;
import dev.parapet.check.CheckRequest;
import dev.parapet.check.CheckResult;
import dev.parapet.check.CheckService;
import dev.parapet.check.ConversationException;
import dev.parapet.check.ConversationLimits;
import dev.parapet.check.ConversationReader;
import dev.parapet.check.PolicyUnavailableException;
import dev.parapet.check.Scope;
import dev.parapet.check.UnknownProfileException;
import dev.parapet.model.RuleError;
import dev.parapet.model.Stage;
import dev.parapet.model.Verdict;
import dev.parapet.stream.Judge;
import dev.parapet.stream.StreamSessions;
import dev.parapet.stream.TooManyStreamsException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * {@code POST /v1/chat/completions}, OpenAI's wire format on both sides: the prompt's messages are
 * checked (a block answers OpenAI's error JSON, a redaction is forwarded redacted), the request is
 * forwarded to {@code PARAPET_UPSTREAM_URL}, and the answer is checked whole, or streamed through a
 * stream session. Checks run on worker threads; the upstream call is Vert.x's, so an open stream
 * holds no thread while it waits.
 */
@ApplicationScoped
public class ChatCompletionsRoute {

  static final String PATH = "/v1/chat/completions";

  /** The most choices ({@code n}) one request may ask for, as OpenAI's API allows. */
  static final int MAX_CHOICES = 128;

  private static final Logger LOG = Logger.getLogger(ChatCompletionsRoute.class);

  private final CheckService checks;
  private final StreamSessions sessions;
  private final GatewayAccess access;
  private final StreamConfig config;
  private final ConversationLimits limits;
  private final Vertx vertx;
  private HttpClient client;

  public ChatCompletionsRoute(
      CheckService checks,
      StreamSessions sessions,
      Authenticator authenticator,
      CallerLimits callerLimits,
      StreamConfig config,
      ParapetConfig parapet,
      Vertx vertx) {
    this.checks = checks;
    this.sessions = sessions;
    this.access = new GatewayAccess(authenticator, callerLimits);
    this.config = config;
    ParapetConfig.Limits l = parapet.limits();
    this.limits = new ConversationLimits(l.maxMessages(), l.maxToolCalls(), l.maxTextLength());
    this.vertx = vertx;
  }

  void install(@Observes Router router) {
    // after BodyReader (-90), which read the body and authenticated the key on the event loop
    router.post(PATH).order(-80).handler(this::handle);
  }

  private synchronized HttpClient client() {
    if (client == null) {
      long timeout = config.upstreamTimeout().toMillis();
      client =
          vertx.createHttpClient(
              new HttpClientOptions()
                  .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout)));
    }
    return client;
  }

  private void handle(RoutingContext ctx) {
    HttpServerResponse out = ctx.response();
    List<Runnable> onClientClose = new ArrayList<>();
    Runnable slot = ctx.get(BodyReader.RELEASE);
    AtomicBoolean given = new AtomicBoolean();
    Runnable giveBack =
        () -> {
          if (slot != null && given.compareAndSet(false, true)) {
            slot.run();
          }
        };
    out.endHandler(v -> giveBack.run());
    out.closeHandler(
        v -> {
          giveBack.run();
          onClientClose.forEach(Runnable::run);
        });
    if (!access.admit(ctx)) {
      return;
    }
    if (config.upstreamUrl().isEmpty()) {
      fail(
          out,
          404,
          "the gateway is off: set PARAPET_UPSTREAM_URL to the model API's base URL",
          "not_found_error",
          null,
          "gateway_off");
      return;
    }
    Caller caller = ctx.get(BodyReader.CALLER);
    Buffer body = ctx.get(BodyReader.BODY);
    ObjectNode request;
    CheckRequest envelope;
    CheckRequest prompt;
    try {
      JsonNode root = OpenAiWire.JSON.readTree(body == null ? new byte[0] : body.getBytes());
      if (root == null || !root.isObject() || !root.path("messages").isArray()) {
        fail(
            out,
            400,
            "'messages' is required: an array of chat messages",
            "invalid_request_error",
            "messages",
            "invalid_request");
        return;
      }
      request = (ObjectNode) root;
      envelope = envelope(ctx, caller);
      prompt =
          CheckRequest.of(
                  ConversationReader.read(
                      request.get("messages"), null, Scope.ALL, Stage.INPUT, limits),
                  Stage.INPUT,
                  envelope.profile(),
                  envelope.tenant(),
                  envelope.requestId(),
                  envelope.context(),
                  false)
              .withCaller(envelope.caller());
    } catch (IOException e) {
      fail(out, 400, "the body is not valid JSON", "invalid_request_error", null, "invalid_json");
      return;
    } catch (ConversationException e) {
      fail(
          out,
          e.tooLarge() ? 413 : 400,
          e.getMessage(),
          "invalid_request_error",
          "messages",
          "invalid_request");
      return;
    } catch (ProblemException e) {
      fail(
          out,
          e.problem().status(),
          e.problem().detail(),
          "invalid_request_error",
          null,
          e.problem().code());
      return;
    } catch (RuntimeException e) {
      checkFailed(out, e);
      return;
    }
    boolean stream = request.path("stream").asBoolean(false);
    JsonNode n = request.path("n");
    if (!n.isMissingNode()
        && !n.isNull()
        && (!n.canConvertToInt()
            || !n.isIntegralNumber()
            || n.intValue() < 1
            || n.intValue() > MAX_CHOICES)) {
      fail(
          out,
          400,
          "'n' must be a whole number from 1 to " + MAX_CHOICES,
          "invalid_request_error",
          "n",
          "invalid_request");
      return;
    }
    int choices = n.isIntegralNumber() ? n.intValue() : 1;
    vertx
        .executeBlocking(() -> checks.check(prompt))
        .onComplete(
            checked -> {
              if (checked.failed()) {
                checkFailed(out, checked.cause());
                return;
              }
              CheckResult result = checked.result();
              out.putHeader("X-Parapet-Input-Audit-Id", result.auditId());
              if (result.decision().verdict() == Verdict.BLOCK) {
                fail(
                    out,
                    400,
                    "the request was blocked by the guardrail: " + Reasons.of(result.decision()),
                    "invalid_request_error",
                    "messages",
                    "content_filter");
                return;
              }
              if (result.decision().verdict() == Verdict.REDACT
                  && result.decision().conversation() != null
                  && result.decision().conversation().redactedMessages() != null) {
                request.set("messages", result.decision().conversation().redactedMessages());
              }
              forward(ctx, request, stream, choices, envelope, caller, onClientClose);
            });
  }

  /**
   * Profile, tenant and request id from the {@code X-Parapet-*} headers, held to the key's tenants.
   */
  private CheckRequest envelope(RoutingContext ctx, Caller caller) {
    String profile = ctx.request().getHeader("X-Parapet-Profile");
    if (profile == null) {
      profile = config.gatewayProfile().orElse(null);
    }
    String tenant = Headers.identifier(ctx, "X-Parapet-Tenant");
    String requestId = Headers.identifier(ctx, "X-Request-Id");
    return TenantScope.apply(
        caller,
        new CheckRequest("", Stage.OUTPUT, profile, tenant, requestId, java.util.Map.of(), false));
  }

  private void forward(
      RoutingContext ctx,
      ObjectNode request,
      boolean stream,
      int choices,
      CheckRequest envelope,
      Caller caller,
      List<Runnable> onClientClose) {
    HttpServerResponse out = ctx.response();
    String base = config.upstreamUrl().orElseThrow();
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setAbsoluteURI(base.replaceAll("/+$", "") + "/chat/completions")
            .setIdleTimeout(config.upstreamTimeout().toMillis())
            .putHeader("Content-Type", "application/json")
            .putHeader("Accept", stream ? "text/event-stream" : "application/json");
    String authorization =
        config
            .upstreamApiKey()
            .map(k -> "Bearer " + k)
            .orElse(ctx.request().getHeader("X-Upstream-Authorization"));
    if (authorization == null) {
      // no upstream key of Parapet's own: the caller's Authorization travels on, the upstream's
      // key beside an X-API-Key, or a client's own key that is registered here too
      authorization = ctx.request().getHeader("Authorization");
    }
    if (authorization != null) {
      options.putHeader("Authorization", authorization);
    }
    AnswerChecks answers = new AnswerChecks(checks, envelope, limits);
    Judge judge = answers.text();
    client()
        .request(options)
        .onFailure(e -> upstreamFailed(out, judge, "could not reach the upstream: " + e))
        .onSuccess(
            upstream -> {
              onClientClose.add(upstream::reset);
              upstream
                  .send(Buffer.buffer(OpenAiWire.bytes(request)))
                  .onFailure(e -> upstreamFailed(out, judge, describe(e)))
                  .onSuccess(
                      answer -> {
                        if (answer.statusCode() != 200) {
                          answer
                              .body()
                              .onComplete(
                                  b ->
                                      upstreamFailed(
                                          out,
                                          judge,
                                          "the upstream answered " + answer.statusCode()));
                          return;
                        }
                        if (stream) {
                          try {
                            new StreamRelay(
                                    vertx,
                                    StreamRelay.open(
                                        choices, sessions, caller, answers, limits.maxCodePoints()),
                                    upstream,
                                    answer,
                                    out)
                                .start(onClientClose);
                          } catch (TooManyStreamsException e) {
                            upstream.reset();
                            out.putHeader("Retry-After", "1");
                            fail(
                                out, 429, e.getMessage(), "rate_limit_error", null, "rate_limited");
                          }
                        } else {
                          answer
                              .body()
                              .onFailure(e -> upstreamFailed(out, judge, describe(e)))
                              .onSuccess(b -> whole(out, b, answers));
                        }
                      });
            });
  }

  /** A non-streamed answer: each choice's content checked whole, as one answer. */
  private void whole(HttpServerResponse out, Buffer body, AnswerChecks answers) {
    vertx
        .executeBlocking(() -> WholeAnswer.check(body.getBytes(), answers))
        .onComplete(
            done -> {
              if (done.failed()) {
                checkFailed(out, done.cause());
                return;
              }
              WholeAnswer answer = done.result();
              if (answer.auditId() != null) {
                out.putHeader("X-Parapet-Output-Audit-Id", answer.auditId());
              }
              out.setStatusCode(200)
                  .putHeader("Content-Type", "application/json")
                  .end(Buffer.buffer(answer.body()));
            });
  }

  /** The upstream failed before any of its answer reached the client: 502 or 504, and a record. */
  private void upstreamFailed(HttpServerResponse out, Judge judge, String what) {
    boolean timeout = what.contains("timeout") || what.contains("timed out");
    vertx
        .executeBlocking(() -> judge.judge("", true, Notes.upstream(what)))
        .onComplete(
            recorded -> {
              if (recorded.failed()) {
                LOG.warnf("an upstream failure could not be recorded: %s", recorded.cause());
              }
              fail(
                  out,
                  timeout ? 504 : 502,
                  what,
                  "upstream_error",
                  null,
                  timeout ? "upstream_timeout" : "upstream_error");
            });
  }

  private void checkFailed(HttpServerResponse out, Throwable cause) {
    if (cause instanceof UnknownProfileException) {
      fail(out, 404, cause.getMessage(), "invalid_request_error", null, "unknown_profile");
    } else if (cause instanceof PolicyUnavailableException) {
      fail(out, 503, "no policy is loaded yet", "server_error", null, "no_policy");
    } else {
      LOG.error("gateway check failed", cause);
      fail(out, 500, "the check could not be completed", "server_error", null, "internal");
    }
  }

  static String describe(Throwable e) {
    String message = String.valueOf(e.getMessage());
    if (e instanceof java.util.concurrent.TimeoutException
        || message.toLowerCase(java.util.Locale.ROOT).contains("timeout")) {
      return "the upstream timed out";
    }
    return "the upstream failed: " + message;
  }

  static void fail(
      HttpServerResponse out, int status, String message, String type, String param, String code) {
    if (out.ended() || out.closed()) {
      return;
    }
    if (out.headWritten()) {
      out.end(
          OpenAiWire.event(
              OpenAiWire.JSON
                  .createObjectNode()
                  .set("error", OpenAiWire.errorNode(message, type, param, code))));
      return;
    }
    out.setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(Buffer.buffer(OpenAiWire.error(message, type, param, code)));
  }

  /** Notes recorded beside an answer that broke off. */
  static final class Notes {
    private Notes() {}

    static RuleError upstream(String what) {
      return new RuleError("gateway", "gateway/upstream", what);
    }
  }
}
