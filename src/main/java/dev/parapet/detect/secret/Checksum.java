package dev.parapet.detect.secret;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Checksums that some issuers build into their tokens, so that a scanner can tell a real token from
 * a look-alike without calling the issuer.
 */
public enum Checksum {
  NONE,
  /**
   * GitHub's classic tokens ({@code ghp_}, {@code gho_}, {@code ghu_}, {@code ghs_}, {@code ghr_})
   * and npm's {@code npm_} tokens: 30 random base62 chars, then the CRC32 of those 30 chars in
   * base62, left-padded with zeros to 6 chars.
   */
  CRC32_BASE62,
  /**
   * Registry credentials in a Docker {@code config.json} ({@code "auth": "…"}): base64 of {@code
   * user:password}, where a password that is a placeholder ({@code my_password}) makes the whole
   * entry an example. Unlike a checksum that only lowers the score, a token failing this is not
   * reported.
   */
  BASE64_USER_PASSWORD;

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  /** Whether the token (prefix included) carries a valid checksum; true when there is none. */
  public boolean verifies(String token) {
    if (this == NONE) {
      return true;
    }
    if (this == BASE64_USER_PASSWORD) {
      return userPassword(token);
    }
    int underscore = token.indexOf('_');
    String body = token.substring(underscore + 1);
    if (body.length() != 36) {
      return false;
    }
    CRC32 crc = new CRC32();
    crc.update(body.substring(0, 30).getBytes(StandardCharsets.US_ASCII));
    return base62(crc.getValue(), 6).equals(body.substring(30));
  }

  /** Whether a failing token is no finding at all rather than a finding of lower score. */
  boolean required() {
    return this == BASE64_USER_PASSWORD;
  }

  private static boolean userPassword(String token) {
    try {
      String decoded =
          new String(java.util.Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon > 0
          && colon < decoded.length() - 1
          && StructuredSecrets.plausibleUrlPassword(
              decoded.substring(0, colon), decoded.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static String base62(long value, int width) {
    StringBuilder out = new StringBuilder();
    long v = value;
    while (v > 0) {
      out.append(BASE62.charAt((int) (v % 62)));
      v /= 62;
    }
    while (out.length() < width) {
      out.append('0');
    }
    return out.reverse().toString();
  }
}
