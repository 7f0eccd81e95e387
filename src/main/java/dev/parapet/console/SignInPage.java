package dev.parapet.console;

import dev.parapet.api.auth.Caller;
import dev.parapet.api.auth.Role;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * Signing in and out. The credential (an API key or a JWT) is checked once, here, and then stays on
 * the server: the browser gets a random session id in an HttpOnly, SameSite=Strict cookie.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

  private final ConsoleGate gate;

  public SignInPage(ConsoleGate gate) {
    this.gate = gate;
  }

  /** The start page: the first page the viewer's roles open. */
  @GET
  public Response home(@Context HttpHeaders headers) {
    Optional<ConsoleSessions.Session> session = gate.session(headers);
    if (session.isEmpty()) {
      return seeBuilt("/console/sign-in");
    }
    Caller caller = session.get().caller();
    if (caller.has(Role.CHECKER) || caller.has(Role.POLICY_ADMIN)) {
      return seeBuilt("/console/try");
    }
    return seeBuilt(caller.has(Role.AUDITOR) ? "/console/audit" : "/console/try");
  }

  @GET
  @Path("/sign-in")
  public Object signInForm(@QueryParam("ended") String ended) {
    return Templates.signIn(
        null, ended == null ? null : "Your session has ended; sign in again to go on.");
  }

  @POST
  @Path("/sign-in")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response signIn(
      @Context HttpHeaders headers,
      @Context UriInfo uri,
      @Context HttpServerRequest request,
      @FormParam("credential") String key) {
    if (!ConsoleGate.sameOrigin(headers)) {
      return Response.status(403)
          .entity(Templates.signIn(null, "This sign-in form was sent from another site."))
          .build();
    }
    String address = address(request);
    long wait = gate.signInWait(address);
    if (wait > 0) {
      return Response.status(429)
          .header("Retry-After", Long.toString(wait))
          .entity(
              Templates.signIn(
                  null,
                  "Too many failed sign-ins from your address; try again in "
                      + wait
                      + " second(s)."))
          .build();
    }
    Optional<Caller> caller = gate.authenticate(key, address);
    if (caller.isEmpty()) {
      return Response.status(401)
          .entity(Templates.signIn(null, "That API key or token is not valid."))
          .build();
    }
    Instant expires = caller.get().expires();
    if (expires != null && !Instant.now().isBefore(expires)) {
      return Response.status(401)
          .entity(Templates.signIn(null, "That token has expired; get a new one."))
          .build();
    }
    Optional<ConsoleSessions.Session> session = gate.open(caller.get());
    if (session.isEmpty()) {
      return Response.status(503)
          .entity(Templates.signIn(null, "Too many open sessions; try again later."))
          .build();
    }
    return see("/console")
        .header(
            "Set-Cookie",
            ConsoleGate.cookie(
                session.get().id(),
                secure(headers, uri),
                gate.remaining(session.get()).toSeconds()))
        .build();
  }

  private static String address(HttpServerRequest request) {
    return request == null || request.remoteAddress() == null
        ? "unknown"
        : request.remoteAddress().hostAddress();
  }

  @POST
  @Path("/sign-out")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response signOut(
      @Context HttpHeaders headers, @Context UriInfo uri, @FormParam("csrf") String csrf) {
    ConsoleSessions.Session session = gate.requireForm(headers, csrf, Role.values());
    gate.close(session);
    return see("/console/sign-in")
        .header("Set-Cookie", ConsoleGate.cookie("", secure(headers, uri), 0))
        .build();
  }

  private static boolean secure(HttpHeaders headers, UriInfo uri) {
    return "https".equalsIgnoreCase(uri.getBaseUri().getScheme())
        || "https".equalsIgnoreCase(headers.getHeaderString("X-Forwarded-Proto"));
  }

  private static Response.ResponseBuilder see(String path) {
    return Response.seeOther(URI.create(path));
  }

  private static Response seeBuilt(String path) {
    return see(path).build();
  }
}
