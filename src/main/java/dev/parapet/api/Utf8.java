package dev.parapet.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a request body as strict UTF-8, the only encoding the API takes (RFC 8259): overlong
 * forms, encoded surrogates, code points above U+10FFFF and truncated sequences are refused, and so
 * are UTF-16 and UTF-32 bodies, which a lenient JSON parser would detect and accept.
 */
final class Utf8 {

  private Utf8() {}

  static String decode(byte[] body) {
    if (looksLikeUtf16Or32(body)) {
      throw new ProblemException(
          ErrorCode.MALFORMED_JSON, "the body is UTF-16 or UTF-32; send it as UTF-8");
    }
    int start = hasUtf8Bom(body) ? 3 : 0; // a byte order mark carries no content
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(body, start, body.length - start)).toString();
    } catch (CharacterCodingException e) {
      throw new ProblemException(
          ErrorCode.MALFORMED_JSON,
          "the body is not valid UTF-8 (an invalid, overlong or out-of-range byte sequence)");
    }
  }

  private static boolean hasUtf8Bom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }

  /**
   * A UTF-16 or UTF-32 byte order mark, or a zero byte among the first four: JSON text starts with
   * an ASCII character, which those encodings pad with zeros.
   */
  private static boolean looksLikeUtf16Or32(byte[] b) {
    if (b.length >= 2
        && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)
            || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE))) {
      return true;
    }
    for (int i = 0; i < Math.min(4, b.length); i++) {
      if (b[i] == 0) {
        return true;
      }
    }
    return false;
  }
}
