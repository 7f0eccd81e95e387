package dev.parapet.audit;

import dev.parapet.digest.HmacSha256;

/**
 * The {@code textHash} of an audit record: hex HMAC-SHA256 of the checked text under the audit key,
 * so equal texts correlate without the text being kept.
 */
public final class TextHash {

  private final HmacSha256 mac;

  public TextHash(byte[] key) {
    this.mac = new HmacSha256(key);
  }

  public String of(String text) {
    return mac.hex(text);
  }
}
