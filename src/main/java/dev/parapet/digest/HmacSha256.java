package dev.parapet.digest;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 under one key; safe to share between threads. */
public final class HmacSha256 {

  private final byte[] key;
  // doFinal leaves a Mac ready for the next input: one keyed instance per thread, made once
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  public HmacSha256(byte[] key) {
    this.key = key.clone();
  }

  /** The MAC of the text's UTF-8 bytes. */
  public byte[] of(String text) {
    return macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The MAC of the text's UTF-8 bytes, in lower-case hex. */
  public String hex(String text) {
    return HexFormat.of().formatHex(of(text));
  }

  /** One MAC under a key used once, without keeping a keyed instance. */
  public static byte[] of(byte[] key, String text) {
    return mac(key).doFinal(text.getBytes(StandardCharsets.UTF_8));
  }

  private Mac newMac() {
    return mac(key);
  }

  private static Mac mac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }
}
