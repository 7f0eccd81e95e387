package dev.parapet.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code textHash} of an audit record: hex HMAC-SHA256 of the checked text under the audit key,
 * so equal texts correlate without the text being kept.
 */
public final class TextHash {

  private final byte[] key;
  // doFinal leaves the Mac ready for the next text: one keyed instance per worker thread
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  public TextHash(byte[] key) {
    this.key = key.clone();
  }

  public String of(String text) {
    return HexFormat.of().formatHex(macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }
}
