package dev.parapet.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {

  private static final KeyPair KEYS = rsa();
  private static final KeyPair OTHER = rsa();

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String token(KeyPair signer, String issuer, float minutes, List<String> groups)
      throws Exception {
    JwtClaims claims = new JwtClaims();
    claims.setSubject("alice");
    claims.setIssuer(issuer);
    claims.setExpirationTimeMinutesInTheFuture(minutes);
    claims.setStringListClaim("groups", groups);
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(signer.getPrivate());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    return jws.getCompactSerialization();
  }

  private final JwtVerifier verifier =
      new JwtVerifier(KEYS.getPublic(), Optional.of("https://idp.example"), Optional.empty());

  private static String tokenWithTenants(Object tenants) throws Exception {
    JwtClaims claims = new JwtClaims();
    claims.setSubject("bot");
    claims.setIssuer("https://idp.example");
    claims.setExpirationTimeMinutesInTheFuture(5);
    claims.setStringListClaim("groups", List.of("checker"));
    claims.setClaim("tenants", tenants);
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(KEYS.getPrivate());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    return jws.getCompactSerialization();
  }

  @Test
  void aTenantsClaimBindsTheToken() throws Exception {
    Caller caller = verifier.verify(tokenWithTenants(List.of("acme", "globex"))).orElseThrow();
    assertThat(caller.tenants()).containsExactlyInAnyOrder("acme", "globex");
    assertThat(caller.mayActFor("acme")).isTrue();
    assertThat(caller.mayActFor("initech")).isFalse();
  }

  @Test
  void aSingleTenantClaimMayBeAString() throws Exception {
    assertThat(verifier.verify(tokenWithTenants("acme")).orElseThrow().tenants())
        .containsExactly("acme");
  }

  @Test
  void aTokenWithoutTenantsIsUnbound() throws Exception {
    Caller caller =
        verifier.verify(token(KEYS, "https://idp.example", 5, List.of("checker"))).orElseThrow();
    assertThat(caller.bound()).isFalse();
    assertThat(caller.mayActFor("anyone")).isTrue();
  }

  @Test
  void validTokenGivesRolesFromGroups() throws Exception {
    Caller caller =
        verifier
            .verify(token(KEYS, "https://idp.example", 5, List.of("auditor", "unrelated")))
            .orElseThrow();
    assertThat(caller.id()).isEqualTo("jwt:alice");
    assertThat(caller.roles()).containsExactly(Role.AUDITOR);
  }

  @Test
  void theCallerCarriesTheTokensExpiry() throws Exception {
    Instant before = Instant.now();
    Caller caller =
        verifier.verify(token(KEYS, "https://idp.example", 5, List.of("auditor"))).orElseThrow();
    assertThat(caller.expires())
        .isAfter(before.plusSeconds(4 * 60))
        .isBefore(before.plusSeconds(6 * 60));
  }

  @Test
  void tokenSignedByAnotherKeyIsRefused() throws Exception {
    assertThat(verifier.verify(token(OTHER, "https://idp.example", 5, List.of("auditor"))))
        .isEmpty();
  }

  @Test
  void expiredTokenIsRefused() throws Exception {
    assertThat(verifier.verify(token(KEYS, "https://idp.example", -10, List.of("auditor"))))
        .isEmpty();
  }

  @Test
  void wrongIssuerIsRefused() throws Exception {
    assertThat(verifier.verify(token(KEYS, "https://evil.example", 5, List.of("auditor"))))
        .isEmpty();
  }

  @Test
  void garbageIsRefused() {
    assertThat(verifier.verify("a.b.c")).isEmpty();
  }
}
