package dev.parapet.api;

import dev.parapet.audit.AuditUnavailableException;
import dev.parapet.check.OverloadedException;
import dev.parapet.check.PolicyUnavailableException;
import dev.parapet.check.UnknownProfileException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure to problem+json, so no answer is a bare status or a stack trace. */
public final class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  static Response respond(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    return respond(e.problem());
  }

  @ServerExceptionMapper
  public Response unknownProfile(UnknownProfileException e) {
    return respond(
        Problem.of(
            ErrorCode.UNKNOWN_PROFILE,
            e.getMessage() + "; GET /v1/policies lists the profiles of the loaded policy"));
  }

  @ServerExceptionMapper
  public Response noPolicy(PolicyUnavailableException e) {
    return Response.fromResponse(
            respond(
                Problem.of(
                    ErrorCode.NO_POLICY,
                    "no policy is loaded yet; fix the policy files and reload")))
        .header("Retry-After", "5")
        .build();
  }

  @ServerExceptionMapper
  public Response overloaded(OverloadedException e) {
    return Response.fromResponse(
            respond(
                Problem.of(ErrorCode.UNAVAILABLE, "too many long texts in flight; retry shortly")))
        .header("Retry-After", "1")
        .build();
  }

  @ServerExceptionMapper
  public Response auditDown(AuditUnavailableException e) {
    // no answer without its record: the caller retries rather than act on an unrecorded decision
    LOG.errorf("decision not recorded: %s", e.getMessage());
    return Response.fromResponse(
            respond(
                Problem.of(
                    ErrorCode.UNAVAILABLE,
                    "the decision could not be recorded in the audit trail; retry shortly")))
        .header("Retry-After", "1")
        .build();
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    ErrorCode code = codeOf(e, status);
    if (code == null) {
      return respond(
          new Problem(
              "about:blank",
              Response.Status.fromStatusCode(status) == null
                  ? "Error"
                  : Response.Status.fromStatusCode(status).getReasonPhrase(),
              status,
              "the request could not be served as sent",
              status >= 500 ? ErrorCode.INTERNAL.code() : ErrorCode.INVALID_REQUEST.code(),
              null));
    }
    return respond(Problem.of(code, detailFor(code)));
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e) {
    // the message and the trace stay in the log, keyed by type only: they may quote input
    LOG.errorf("unexpected %s while serving a request", e.getClass().getName());
    LOG.debug("unexpected failure", e);
    return respond(
        Problem.of(ErrorCode.INTERNAL, "an internal error occurred; it has been logged"));
  }

  private static ErrorCode codeOf(WebApplicationException e, int status) {
    if (e instanceof NotFoundException) {
      return ErrorCode.NOT_FOUND;
    } else if (e instanceof NotAllowedException) {
      return ErrorCode.METHOD_NOT_ALLOWED;
    } else if (e instanceof NotSupportedException) {
      return ErrorCode.UNSUPPORTED_MEDIA_TYPE;
    } else if (e instanceof NotAcceptableException) {
      return ErrorCode.NOT_ACCEPTABLE;
    } else if (e instanceof NotAuthorizedException) {
      return ErrorCode.UNAUTHENTICATED;
    }
    return status == 413 ? ErrorCode.TOO_LARGE : null;
  }

  private static String detailFor(ErrorCode code) {
    return switch (code) {
      case NOT_FOUND -> "no resource at this path; see /q/openapi for the API";
      case METHOD_NOT_ALLOWED -> "this method is not allowed on this path; see /q/openapi";
      case UNSUPPORTED_MEDIA_TYPE -> "send the body as application/json";
      case NOT_ACCEPTABLE -> "this resource answers application/json";
      case UNAUTHENTICATED -> "send an API key as 'Authorization: Bearer <key>' or 'X-API-Key'";
      case TOO_LARGE -> "the body is over the size limit";
      default -> code.title();
    };
  }
}
