package dev.parapet.api.auth;

import dev.parapet.app.ParapetConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Knows the accepted credentials. On a first start without a keys file it creates a bootstrap key
 * with every role, prints it once and stores only its hash, so a fresh install is never open.
 */
@Startup
@ApplicationScoped
public class Authenticator {

  private static final Logger LOG = Logger.getLogger(Authenticator.class);

  private final ParapetConfig.Auth config;
  private ApiKeys keys;
  private Optional<JwtVerifier> jwt = Optional.empty();

  public Authenticator(ParapetConfig config) {
    this.config = config.auth();
  }

  @PostConstruct
  void load() {
    Path file = Path.of(config.keysFile());
    if (!Files.exists(file)) {
      bootstrap(file);
    }
    keys = ApiKeys.load(file);
    LOG.infof("%d API key(s) loaded from %s", keys.size(), file);
    jwt =
        config
            .jwtPublicKeyFile()
            .map(
                pem ->
                    JwtVerifier.fromPem(
                        Path.of(pem),
                        config.jwtIssuer(),
                        config.jwtAudience(),
                        config.jwtTenantsClaim()));
  }

  private static void bootstrap(Path file) {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String key = "pk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    try {
      ApiKeys.writeBootstrap(file, "bootstrap-admin", key);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        LOG.debug("file system without POSIX permissions");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the bootstrap keys file " + file, e);
    }
    LOG.warnf(
        "No keys file found: created %s with one bootstrap key holding every role. The key is"
            + " shown this once and stored only as a hash: %s",
        file, key);
  }

  public boolean enabled() {
    return config.enabled();
  }

  /** The caller behind an API key or a bearer token, if the credential is valid. */
  public Optional<Caller> authenticate(String credential, boolean bearer) {
    if (bearer && jwt.isPresent() && looksLikeJwt(credential)) {
      return jwt.get().verify(credential);
    }
    return keys.authenticate(credential);
  }

  /**
   * The caller behind a request's {@code X-API-Key} header, else its {@code Authorization: Bearer}
   * token; empty when neither holds a valid credential.
   */
  public Optional<Caller> fromHeaders(String apiKey, String authorization) {
    if (apiKey != null && !apiKey.isBlank()) {
      return authenticate(apiKey.trim(), false);
    }
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = authorization.substring(7).trim();
      if (!token.isEmpty()) {
        return authenticate(token, true);
      }
    }
    return Optional.empty();
  }

  private static boolean looksLikeJwt(String token) {
    int first = token.indexOf('.');
    return first > 0 && token.indexOf('.', first + 1) > first + 1;
  }
}
