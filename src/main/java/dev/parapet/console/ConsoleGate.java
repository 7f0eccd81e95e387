package dev.parapet.console;

import dev.parapet.api.auth.Authenticator;
import dev.parapet.api.auth.Caller;
import dev.parapet.api.auth.FailedAuthThrottle;
import dev.parapet.api.auth.Role;
import dev.parapet.app.ParapetConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The console's door: finds the viewer's session from its cookie, demands the roles the API demands
 * for the same data, and refuses forms that do not carry the session's token or that come from
 * another origin. With authentication switched off, as for the API, everyone is let in.
 */
@ApplicationScoped
public class ConsoleGate {

  /** The session cookie: a random id, never a credential. */
  static final String COOKIE = "parapet_console";

  private final Authenticator authenticator;
  private final ConsoleSessions sessions;
  private final ConsoleSessions.Session open;

  /** Failed sign-ins per address, slowed as the API slows failed authentications. */
  private final FailedAuthThrottle failures;

  public ConsoleGate(Authenticator authenticator, ConsoleSessions sessions, ParapetConfig config) {
    this.authenticator = authenticator;
    this.sessions = sessions;
    this.failures =
        new FailedAuthThrottle(
            config.auth().failedAuthPerSecond(), config.auth().failedAuthBurst(), System::nanoTime);
    // only used while authentication is off: one shared session with every role
    this.open =
        new ConsoleSessions(java.time.Clock.systemUTC())
            .open(new Caller("anonymous", EnumSet.allOf(Role.class)))
            .orElseThrow();
  }

  /** The viewer's session, if signed in. */
  public Optional<ConsoleSessions.Session> session(HttpHeaders headers) {
    if (!authenticator.enabled()) {
      return Optional.of(open);
    }
    jakarta.ws.rs.core.Cookie cookie = headers.getCookies().get(COOKIE);
    return sessions.find(cookie == null ? null : cookie.getValue());
  }

  /** The viewer's session when it holds any of the roles; else sign-in or a 403 page. */
  public ConsoleSessions.Session require(HttpHeaders headers, Role... anyOf) {
    ConsoleSessions.Session session = session(headers).orElseThrow(ConsoleDenied::notSignedIn);
    for (Role role : anyOf) {
      if (session.caller().has(role)) {
        return session;
      }
    }
    throw ConsoleDenied.forbidden(
        "This page needs the role "
            + Arrays.stream(anyOf).map(Role::wireName).collect(Collectors.joining(" or "))
            + "; you are signed in as "
            + session.caller().id()
            + ".");
  }

  /**
   * The same, for a form that changes something: it must carry the session's token and, when the
   * browser names an origin (every current browser does on a POST), come from this host.
   */
  public ConsoleSessions.Session requireForm(HttpHeaders headers, String token, Role... anyOf) {
    ConsoleSessions.Session session = require(headers, anyOf);
    if (!session.acceptsToken(token)) {
      throw ConsoleDenied.forbidden(
          "This form is stale or did not come from the console; open the page again and resend.");
    }
    if (!sameOrigin(headers)) {
      throw ConsoleDenied.forbidden("This form was sent from another site.");
    }
    return session;
  }

  /**
   * The seconds an address must wait before it may try to sign in again after failing too often; 0
   * when it may try now.
   */
  public long signInWait(String address) {
    return failures.waitFor(address);
  }

  /**
   * Signs in with an API key or a JWT, as the API's {@code Authorization: Bearer} does; a failure
   * counts against the address.
   */
  public Optional<Caller> authenticate(String credential, String address) {
    Optional<Caller> caller =
        credential == null || credential.isBlank()
            ? Optional.empty()
            : authenticator.authenticate(credential.strip(), true);
    if (caller.isEmpty()) {
      failures.failed(address);
    }
    return caller;
  }

  /** How long a session may last from now at most. */
  public java.time.Duration remaining(ConsoleSessions.Session session) {
    return sessions.remaining(session);
  }

  public Optional<ConsoleSessions.Session> open(Caller caller) {
    return sessions.open(caller);
  }

  public void close(ConsoleSessions.Session session) {
    sessions.close(session.id());
  }

  public boolean authEnabled() {
    return authenticator.enabled();
  }

  /** Whether the {@code Origin} header, when sent, names the host the request was sent to. */
  static boolean sameOrigin(HttpHeaders headers) {
    String origin = headers.getHeaderString("Origin");
    if (origin == null) {
      return true;
    }
    String host = headers.getHeaderString("X-Forwarded-Host");
    if (host == null) {
      host = headers.getHeaderString(HttpHeaders.HOST);
    }
    if (host == null || origin.equals("null")) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      String authority = uri.getAuthority();
      return authority != null
          && authority.toLowerCase(Locale.ROOT).equals(host.strip().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The Set-Cookie value for a session; Secure when the request came over HTTPS. */
  static String cookie(String value, boolean secure, long maxAgeSeconds) {
    return COOKIE
        + "="
        + value
        + "; Path=/console; Max-Age="
        + maxAgeSeconds
        + "; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "");
  }
}
