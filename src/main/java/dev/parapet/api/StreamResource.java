package dev.parapet.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parapet.api.auth.AuthFilter;
import dev.parapet.api.auth.Caller;
import dev.parapet.api.auth.TenantScope;
import dev.parapet.app.ParapetConfig;
import dev.parapet.app.StreamConfig;
import dev.parapet.check.CheckRequest;
import dev.parapet.check.CheckResult;
import dev.parapet.check.CheckService;
import dev.parapet.model.Stage;
import dev.parapet.model.Verdict;
import dev.parapet.stream.Judge;
import dev.parapet.stream.Step;
import dev.parapet.stream.StreamSession;
import dev.parapet.stream.StreamSessions;
import dev.parapet.stream.TooManyStreamsException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Stream sessions: {@code POST /v1/streams} opens one for an answer, {@code
 * /v1/streams/{id}/chunks} adds the answer's next piece and answers what is now safe to show,
 * {@code /v1/streams/{id}/close} releases the rest and records the answer once.
 */
@Path("/v1/streams")
@Produces(MediaType.APPLICATION_JSON)
public class StreamResource {

  private final CheckService checks;
  private final StreamSessions sessions;
  private final CheckRequestParser parser;
  private final CurrentVertxRequest vertxRequest;
  private final long idleSeconds;

  public StreamResource(
      CheckService checks,
      StreamSessions sessions,
      ParapetConfig config,
      StreamConfig streams,
      CurrentVertxRequest vertxRequest) {
    this.checks = checks;
    this.sessions = sessions;
    this.parser = new CheckRequestParser(config.limits());
    this.vertxRequest = vertxRequest;
    this.idleSeconds = streams.idleTimeout().toSeconds();
  }

  /** What opening a stream answers; with {@code messages}, the prompt's check as {@code input}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Opened(String id, long idleTimeoutSeconds, CheckResponse input) {}

  /** What a chunk or the close answers. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Released(
      String release,
      String decision,
      List<CheckResponse.FindingView> findings,
      int heldBack,
      boolean done,
      String auditId) {

    static Released of(Step step) {
      return new Released(
          step.release(),
          step.verdict().wireName(),
          step.findings().stream().map(f -> CheckResponse.FindingView.of(f, false)).toList(),
          step.heldBack(),
          step.last(),
          step.auditId());
    }
  }

  @POST
  @Operation(
      summary = "Open a stream session for a model's answer",
      description =
          "Takes profile, tenant, requestId, context and optionally the prompt's messages (checked"
              + " as the input stage; a blocked prompt opens no session).")
  public Response open(byte[] body) {
    Caller caller = caller();
    CheckRequest[] opening = parser.opening(body);
    CheckRequest answer = TenantScope.apply(caller, opening[0]);
    CheckResponse input = null;
    if (opening[1] != null) {
      CheckRequest p = opening[1];
      CheckResult prompt =
          checks.check(
              CheckRequest.of(
                      p.conversation(),
                      Stage.INPUT,
                      answer.profile(),
                      answer.tenant(),
                      answer.requestId(),
                      answer.context(),
                      false)
                  .withCaller(answer.caller()));
      input = CheckResponse.of(prompt);
      if (prompt.decision().verdict() == Verdict.BLOCK) {
        return Response.ok(new Opened(null, idleSeconds, input)).build();
      }
    }
    Judge judge = judgeFor(answer);
    judge.judge(
        "", false, null); // an unknown profile or no policy fails here, not on the first chunk
    StreamSession session = sessions.open(owner(caller), judge);
    return Response.status(Response.Status.CREATED)
        .entity(new Opened(session.id(), idleSeconds, input))
        .build();
  }

  @POST
  @Path("{id}/chunks")
  @Operation(summary = "Add the answer's next piece; answers the text now safe to show")
  public Released chunk(@PathParam("id") String id, byte[] body) {
    StreamSession session = session(id);
    String text = parser.chunk(body);
    int total = session.length() + text.codePointCount(0, text.length());
    if (total > parser.maxTextLength()) {
      throw new ProblemException(
          ErrorCode.TOO_LARGE,
          "the answer would have "
              + total
              + " code points; the limit is "
              + parser.maxTextLength()
              + ": close the stream");
    }
    Step step = session.append(text, sessions.now());
    if (step.last()) {
      sessions.ended(session);
    }
    return Released.of(step);
  }

  @POST
  @Path("{id}/close")
  @Operation(summary = "End the answer: release the held-back tail and record the answer once")
  public Released close(@PathParam("id") String id) {
    StreamSession session = session(id);
    try {
      return Released.of(session.close(sessions.now()));
    } finally {
      sessions.ended(session);
    }
  }

  @ServerExceptionMapper
  public Response tooMany(TooManyStreamsException e) {
    return Response.status(ErrorCode.RATE_LIMITED.status())
        .type(Problem.MEDIA_TYPE)
        .entity(Problem.of(ErrorCode.RATE_LIMITED, e.getMessage()))
        .build();
  }

  private Judge judgeFor(CheckRequest answer) {
    return (text, record, note) ->
        checks.judge(
            new CheckRequest(
                text,
                Stage.OUTPUT,
                answer.profile(),
                answer.tenant(),
                answer.requestId(),
                answer.context(),
                false,
                null,
                answer.caller()),
            record,
            note);
  }

  private StreamSession session(String id) {
    return sessions
        .find(id, owner(caller()))
        .orElseThrow(
            () ->
                new ProblemException(
                    ErrorCode.NOT_FOUND,
                    "no open stream '"
                        + id
                        + "' for this key: it was closed, blocked, expired after "
                        + idleSeconds
                        + " s idle, or never opened"));
  }

  private Caller caller() {
    return vertxRequest.getCurrent() == null
        ? null
        : vertxRequest.getCurrent().get(AuthFilter.CALLER);
  }

  /** Sessions belong to the key that opened them; without authentication, to everyone alike. */
  static String owner(Caller caller) {
    return caller == null ? "" : caller.id();
  }
}
