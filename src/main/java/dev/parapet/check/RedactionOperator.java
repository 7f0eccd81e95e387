package dev.parapet.check;

import dev.parapet.digest.HmacSha256;
import java.util.HexFormat;

/** Rewrites one redacted span; the profile picks an operator per finding type. */
public sealed interface RedactionOperator
    permits RedactionOperator.Replace,
        RedactionOperator.Mask,
        RedactionOperator.KeepLast4,
        RedactionOperator.Hash {

  /**
   * @param type the finding type of the span
   * @param span the original text of the span
   */
  String apply(String type, String span);

  /** {@code <TYPE>} in place of the span. */
  record Replace() implements RedactionOperator {
    @Override
    public String apply(String type, String span) {
      return "<" + type + ">";
    }
  }

  /** One {@code *} per code point, so the length of the original stays visible. */
  record Mask() implements RedactionOperator {
    @Override
    public String apply(String type, String span) {
      return "*".repeat(span.codePointCount(0, span.length()));
    }
  }

  /**
   * Masks every letter and digit but the last four; separators stay, as on a printed card. A span
   * of four or fewer letters and digits is masked whole.
   */
  record KeepLast4() implements RedactionOperator {
    @Override
    public String apply(String type, String span) {
      int alnum = 0;
      for (int i = 0; i < span.length(); ) {
        int cp = span.codePointAt(i);
        alnum += Character.isLetterOrDigit(cp) ? 1 : 0;
        i += Character.charCount(cp);
      }
      // a span of four or fewer would be shown whole: mask it all instead
      int toMask = alnum > 4 ? alnum - 4 : alnum;
      StringBuilder masked = new StringBuilder(span.length());
      int seen = 0;
      for (int i = 0; i < span.length(); ) {
        int cp = span.codePointAt(i);
        if (Character.isLetterOrDigit(cp) && seen++ < toMask) {
          masked.append('*');
        } else {
          masked.appendCodePoint(cp);
        }
        i += Character.charCount(cp);
      }
      return masked.toString();
    }
  }

  /**
   * {@code <TYPE:hex>} with the first 12 hex digits of a keyed HMAC-SHA256, so equal values stay
   * correlatable without being readable.
   */
  record Hash(byte[] key) implements RedactionOperator {
    @Override
    public String apply(String type, String span) {
      byte[] digest = HmacSha256.of(key, span);
      return "<" + type + ":" + HexFormat.of().formatHex(digest, 0, 6) + ">";
    }
  }
}
