package dev.parapet.console;

import dev.parapet.api.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in console sessions, kept on the server: the cookie holds only a random id, so a session
 * can be ended here and no credential ever reaches the browser. Sessions end after {@link #IDLE}
 * without use, {@link #LIFETIME} after sign-in, or when the credential they were opened with
 * expires (a JWT's {@code exp}), whichever comes first.
 */
@ApplicationScoped
public class ConsoleSessions {

  static final Duration IDLE = Duration.ofMinutes(30);
  static final Duration LIFETIME = Duration.ofHours(8);

  /** Most sessions held at once, so sign-ins cannot fill the heap. */
  static final int MAX_SESSIONS = 10_000;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Clock clock;

  public ConsoleSessions() {
    this(Clock.systemUTC());
  }

  ConsoleSessions(Clock clock) {
    this.clock = clock;
  }

  /** One signed-in viewer: who, the token its forms must carry, and when it started. */
  public record Session(String id, Caller caller, String csrfToken, Instant started) {

    /** Whether a submitted form token is this session's, compared in constant time. */
    public boolean acceptsToken(String token) {
      return token != null
          && MessageDigest.isEqual(
              csrfToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
  }

  private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();

  /**
   * Opens a session for an authenticated caller, or empty when too many are open or its credential
   * has already expired.
   */
  public Optional<Session> open(Caller caller) {
    if (caller.expires() != null && !clock.instant().isBefore(caller.expires())) {
      return Optional.empty();
    }
    if (sessions.size() >= MAX_SESSIONS) {
      purge();
      if (sessions.size() >= MAX_SESSIONS) {
        return Optional.empty();
      }
    }
    Instant now = clock.instant();
    Session session = new Session(random(), caller, random(), now);
    sessions.put(session.id(), session);
    lastSeen.put(session.id(), now);
    return Optional.of(session);
  }

  /** The live session with this id; an expired one is ended on the way. */
  public Optional<Session> find(String id) {
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    Session session = sessions.get(id);
    if (session == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (expired(session, now)) {
      close(id);
      return Optional.empty();
    }
    lastSeen.put(id, now);
    return Optional.of(session);
  }

  public void close(String id) {
    if (id != null) {
      sessions.remove(id);
      lastSeen.remove(id);
    }
  }

  int size() {
    return sessions.size();
  }

  /** How long the session may last from now at most, for the cookie's Max-Age. */
  public Duration remaining(Session session) {
    Instant end = session.started().plus(LIFETIME);
    Instant expires = session.caller().expires();
    if (expires != null && expires.isBefore(end)) {
      end = expires;
    }
    Duration left = Duration.between(clock.instant(), end);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private boolean expired(Session session, Instant now) {
    Instant seen = lastSeen.getOrDefault(session.id(), session.started());
    Instant expires = session.caller().expires();
    return now.isAfter(session.started().plus(LIFETIME))
        || now.isAfter(seen.plus(IDLE))
        || (expires != null && !now.isBefore(expires));
  }

  private void purge() {
    Instant now = clock.instant();
    sessions.values().removeIf(s -> expired(s, now));
    lastSeen.keySet().retainAll(sessions.keySet());
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
