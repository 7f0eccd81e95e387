package dev.parapet.audit;

import dev.parapet.digest.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This instance's Ed25519 key, which signs chain heads (the JDK's own {@code Signature}, no other
 * library). The key pair is one PEM file holding a {@code PRIVATE KEY} (PKCS#8) and a {@code PUBLIC
 * KEY} (X.509) block; it is generated into the data directory as 0600 when none is configured.
 */
public final class ChainSigner {

  static final String ALGORITHM = "Ed25519";
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN (PRIVATE KEY|PUBLIC KEY)-----([^-]+)-----END \\1-----");

  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final String keyId;

  private ChainSigner(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.keyId = keyIdOf(publicKey);
  }

  /** A fresh key pair, kept in memory only (tests). */
  public static ChainSigner generate() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
      return new ChainSigner(pair.getPrivate(), pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot make Ed25519 keys", e);
    }
  }

  /** Reads the key pair from {@code file}, creating it (0600) when it does not exist. */
  public static ChainSigner loadOrCreate(Path file) throws IOException {
    if (!Files.exists(file)) {
      ChainSigner fresh = generate();
      DataFiles.writePrivate(file, fresh.pem().getBytes(StandardCharsets.US_ASCII));
      return fresh;
    }
    return load(file);
  }

  /** Reads a key pair from a PEM file with a PRIVATE KEY and a PUBLIC KEY block. */
  public static ChainSigner load(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    byte[] priv = null;
    byte[] pub = null;
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      byte[] der = Base64.getMimeDecoder().decode(m.group(2));
      if (m.group(1).equals("PRIVATE KEY")) {
        priv = der;
      } else {
        pub = der;
      }
    }
    if (priv == null || pub == null) {
      throw new IOException(
          file + " must hold an Ed25519 PRIVATE KEY block and its PUBLIC KEY block");
    }
    try {
      KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
      ChainSigner signer =
          new ChainSigner(
              keys.generatePrivate(new PKCS8EncodedKeySpec(priv)),
              keys.generatePublic(new X509EncodedKeySpec(pub)));
      signer.checkPair();
      return signer;
    } catch (GeneralSecurityException e) {
      throw new IOException(file + " does not hold an Ed25519 key pair: " + e.getMessage(), e);
    }
  }

  private void checkPair() throws GeneralSecurityException {
    byte[] probe = "parapet key pair check".getBytes(StandardCharsets.US_ASCII);
    if (!verify(publicKey, probe, sign(probe))) {
      throw new GeneralSecurityException("the public key does not belong to the private key");
    }
  }

  /** Reads a public key from PEM ({@code PUBLIC KEY}, X.509) text. */
  public static PublicKey publicKey(String pem) {
    Matcher m = BLOCK.matcher(pem);
    while (m.find()) {
      if (m.group(1).equals("PUBLIC KEY")) {
        try {
          return KeyFactory.getInstance(ALGORITHM)
              .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(m.group(2))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
          throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
      }
    }
    throw new IllegalArgumentException("no PUBLIC KEY block");
  }

  /** {@code ed25519:} and the first 16 hex digits of the SHA-256 of the key's X.509 encoding. */
  public static String keyIdOf(PublicKey key) {
    byte[] digest = Sha256.newDigest().digest(key.getEncoded());
    return "ed25519:" + HexFormat.of().formatHex(digest, 0, 8);
  }

  public String keyId() {
    return keyId;
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  /** The public key as PEM, for auditors to pin. */
  public String publicPem() {
    return pem("PUBLIC KEY", publicKey.getEncoded());
  }

  private String pem() {
    return pem("PRIVATE KEY", privateKey.getEncoded()) + publicPem();
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** The signature of {@code payload}, base64. */
  String signBase64(byte[] payload) {
    return Base64.getEncoder().encodeToString(sign(payload));
  }

  private byte[] sign(byte[] payload) {
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initSign(privateKey);
      s.update(payload);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a chain head", e);
    }
  }

  static boolean verify(PublicKey key, byte[] payload, byte[] signature) {
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initVerify(key);
      s.update(payload);
      return s.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
