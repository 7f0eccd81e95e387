package dev.parapet.console;

import io.quarkus.qute.TemplateException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refusals as pages: to the sign-in page when signed out, a 403 page (not the data) otherwise. */
public class ConsoleErrors {

  private static final Logger LOG = Logger.getLogger(ConsoleErrors.class);

  private final ConsoleGate gate;

  public ConsoleErrors(ConsoleGate gate) {
    this.gate = gate;
  }

  @ServerExceptionMapper
  public Response denied(ConsoleDenied e, HttpHeaders headers) {
    if (!e.signedIn()) {
      // a cookie that names no live session: it ended (expired, signed out, or the token did)
      boolean ended = headers.getCookies().containsKey(ConsoleGate.COOKIE);
      return Response.seeOther(URI.create("/console/sign-in" + (ended ? "?ended" : "")))
          .header("Set-Cookie", ended ? ConsoleGate.cookie("", false, 0) : null)
          .build();
    }
    Nav nav = nav(headers);
    return Response.status(403)
        .type(MediaType.TEXT_HTML_TYPE)
        .entity(Templates.refused(nav, "Not allowed", e.getMessage()))
        .build();
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundPage e, HttpHeaders headers) {
    return Response.status(404)
        .type(MediaType.TEXT_HTML_TYPE)
        .entity(Templates.refused(nav(headers), "Not found", e.getMessage()))
        .build();
  }

  /** A page that failed to render: logged with its cause, answered without internals. */
  @ServerExceptionMapper
  public Response broken(TemplateException e) {
    LOG.errorf(e, "a console page failed to render: %s", e.getMessage());
    return Response.status(500)
        .type(MediaType.TEXT_PLAIN_TYPE)
        .entity("The page could not be shown; the service log says why.")
        .build();
  }

  private Nav nav(HttpHeaders headers) {
    return gate.session(headers).map(s -> Nav.of(s, "", gate.authEnabled())).orElse(null);
  }
}
