package dev.parapet.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * A signing key for tests that sign in with a JWT, made on first use and kept in files under {@code
 * target/} (the service under test reads the public half; no private key is committed).
 */
public final class TestJwt {

  private static final Path DIR = Path.of("target", "test-jwt");
  private static final Path PUBLIC = DIR.resolve("public.pem");
  private static final Path PRIVATE = DIR.resolve("private.b64");

  private TestJwt() {}

  /** The PEM public key file to configure as {@code parapet.auth.jwt-public-key-file}. */
  public static synchronized Path publicKeyFile() {
    try {
      if (!Files.exists(PUBLIC) || !Files.exists(PRIVATE)) {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.createDirectories(DIR);
        Base64.Encoder b64 = Base64.getEncoder();
        write(PRIVATE, b64.encodeToString(pair.getPrivate().getEncoded()));
        write(
            PUBLIC,
            "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
      }
      return PUBLIC.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token for a subject with roles as groups, valid until {@code expires}. */
  public static String token(String subject, List<String> groups, Instant expires) {
    try {
      publicKeyFile();
      byte[] der = Base64.getDecoder().decode(Files.readString(PRIVATE, StandardCharsets.US_ASCII));
      PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
      JwtClaims claims = new JwtClaims();
      claims.setSubject(subject);
      claims.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
      claims.setStringListClaim("groups", groups);
      JsonWebSignature jws = new JsonWebSignature();
      jws.setPayload(claims.toJson());
      jws.setKey(key);
      jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
      return jws.getCompactSerialization();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(Path file, String text) throws IOException {
    Path tmp = Files.createTempFile(DIR, "key", ".tmp");
    Files.writeString(tmp, text, StandardCharsets.US_ASCII);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
