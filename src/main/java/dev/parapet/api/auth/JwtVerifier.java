package dev.parapet.api.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Verifies bearer JWTs against a configured public key (RSA or EC), the second way in besides API
 * keys; roles come from the {@code groups} claim.
 */
public final class JwtVerifier {

  private final JwtConsumer consumer;
  private final String tenantsClaim;

  JwtVerifier(PublicKey key, Optional<String> issuer, Optional<String> audience) {
    this(key, issuer, audience, "tenants");
  }

  /**
   * @param tenantsClaim the claim listing the tenants a token may act for (a string or a list)
   */
  JwtVerifier(
      PublicKey key, Optional<String> issuer, Optional<String> audience, String tenantsClaim) {
    this.tenantsClaim = tenantsClaim;
    JwtConsumerBuilder builder =
        new JwtConsumerBuilder()
            .setVerificationKey(key)
            .setRequireExpirationTime()
            .setRequireSubject()
            .setAllowedClockSkewInSeconds(30);
    issuer.ifPresent(builder::setExpectedIssuer);
    if (audience.isPresent()) {
      builder.setExpectedAudience(audience.get());
    } else {
      builder.setSkipDefaultAudienceValidation();
    }
    this.consumer = builder.build();
  }

  /** Reads a PEM {@code PUBLIC KEY} file. */
  static JwtVerifier fromPem(
      Path pem, Optional<String> issuer, Optional<String> audience, String tenantsClaim) {
    try {
      String text = Files.readString(pem, StandardCharsets.US_ASCII);
      String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      byte[] der = Base64.getDecoder().decode(base64);
      return new JwtVerifier(publicKey(der), issuer, audience, tenantsClaim);
    } catch (IOException | IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the JWT public key " + pem, e);
    }
  }

  private static PublicKey publicKey(byte[] der) throws GeneralSecurityException {
    try {
      return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
    }
  }

  /** The caller a valid token names; empty for a bad signature, an expired token or bad claims. */
  public Optional<Caller> verify(String token) {
    try {
      JwtClaims claims = consumer.processToClaims(token);
      Set<Role> roles = EnumSet.noneOf(Role.class);
      List<String> groups =
          claims.hasClaim("groups") ? claims.getStringListClaimValue("groups") : List.of();
      for (String group : groups) {
        Role role = Role.parse(group);
        if (role != null) {
          roles.add(role);
        }
      }
      return Optional.of(
          new Caller(
              "jwt:" + claims.getSubject(),
              roles,
              tenants(claims),
              Instant.ofEpochSecond(claims.getExpirationTime().getValue())));
    } catch (InvalidJwtException | MalformedClaimException e) {
      return Optional.empty();
    }
  }

  /** The tenants a token is bound to: a list claim or a single string; absent, unbound. */
  private Set<String> tenants(JwtClaims claims) throws MalformedClaimException {
    if (!claims.hasClaim(tenantsClaim)) {
      return Set.of();
    }
    if (claims.isClaimValueString(tenantsClaim)) {
      return Set.of(claims.getStringClaimValue(tenantsClaim));
    }
    return Set.copyOf(claims.getStringListClaimValue(tenantsClaim));
  }
}
