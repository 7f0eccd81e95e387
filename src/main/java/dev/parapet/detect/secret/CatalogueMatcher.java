package dev.parapet.detect.secret;

import com.google.re2j.Matcher;
import java.nio.CharBuffer;

/**
 * Confirms the catalogue's kinds where the prefilter found their literal: a prefix kind's pattern
 * must match from the prefix on, a keyword kind's bare token must stand shortly after its keyword.
 * Either way the token must end where its word ends, and be neither a placeholder nor too regular.
 */
final class CatalogueMatcher {

  /** The longest token any kind may span; private keys and long JWTs are matched elsewhere. */
  static final int MAX_TOKEN = 1600;

  private CatalogueMatcher() {}

  static void atPrefix(String text, int hit, String prefix, SecretKind kind, SecretSink sink) {
    if (!text.startsWith(prefix, hit)) {
      return;
    }
    for (int at = Math.max(0, hit - kind.before()); at <= hit; at++) {
      if (at > 0 && isWordChar(text.charAt(at - 1)) && isWordChar(text.charAt(at))
          || at < hit && !Character.isLetterOrDigit(text.charAt(at))) {
        continue; // a token starts at a word's start, and with a letter or digit
      }
      Matcher m =
          kind.pattern()
              .matcher(CharBuffer.wrap(text, at, Math.min(text.length(), at + MAX_TOKEN)));
      if (!m.lookingAt()) {
        continue;
      }
      int end = at + m.end();
      if (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
        return; // the token runs on: longer than this kind allows
      }
      report(text, at, end, hit - at + prefix.length(), kind, sink, 1.0);
      return;
    }
  }

  /** Looks for the kind's bare token in the reach after a keyword ending at {@code from}. */
  static void afterKeyword(String text, int from, SecretKind kind, SecretSink sink) {
    int limit = Math.min(text.length(), from + SecretKind.KEYWORD_REACH + 256);
    if (!hasLongRun(text, from, Math.min(limit, from + SecretKind.KEYWORD_REACH + 16))) {
      return;
    }
    Matcher m = kind.pattern().matcher(CharBuffer.wrap(text, from, limit));
    int at = 0;
    while (at < limit - from && m.find(at)) {
      int start = from + m.start();
      int end = from + m.end();
      if (start - from > SecretKind.KEYWORD_REACH) {
        return;
      }
      if (m.end() == m.start()) {
        at = m.end() + 1;
        continue;
      }
      boolean bounded =
          (start == 0 || !isTokenChar(text.charAt(start - 1)))
              && (end == text.length() || !isTokenChar(text.charAt(end)));
      if (bounded && hasDigitOrMixedCase(text, start, end)) {
        report(text, start, end, 0, kind, sink, 0.9);
        return;
      }
      at = skipRun(text, end) - from; // the next candidate starts after this word
    }
  }

  private static void report(
      String text,
      int start,
      int end,
      int prefixLength,
      SecretKind kind,
      SecretSink sink,
      double score) {
    if (sink.taken(start, end)) {
      return;
    }
    String token = text.substring(start, end);
    String body = token.substring(Math.min(prefixLength, token.length()));
    if (Secrets.isPublishedExample(token)
        || Secrets.isPublishedExample(body)
        || Secrets.isPlaceholder(body)
        || Secrets.entropy(body) < kind.minEntropy()) {
      return;
    }
    boolean verifies = kind.checksum().verifies(token);
    if (!verifies && kind.checksum().required()) {
      return;
    }
    double verified = verifies ? score : score - 0.1;
    sink.add(start, end, kind.id(), verified);
  }

  /** Whether some run of 12+ token chars starts before {@code to}: prose has few such runs. */
  private static boolean hasLongRun(String text, int from, int to) {
    int run = 0;
    for (int i = from; i < text.length() && (i < to || run > 0); i++) {
      run = isTokenChar(text.charAt(i)) ? run + 1 : 0;
      if (run >= 12) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasDigitOrMixedCase(String text, int start, int end) {
    boolean upper = false;
    boolean lower = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
    }
    return upper && lower && end - start >= 20;
  }

  private static int skipRun(String text, int from) {
    int i = from;
    while (i < text.length() && isTokenChar(text.charAt(i))) {
      i++;
    }
    return Math.max(i, from + 1);
  }

  /** How many chars that a token may hold follow {@code from}, up to 8. */
  static int runAfter(String text, int from) {
    int i = from;
    while (i < text.length() && i - from < 8) {
      char c = text.charAt(i);
      if (!(Character.isLetterOrDigit(c) || "_-.+/=~%$!:@#^&*()".indexOf(c) >= 0)) {
        break;
      }
      i++;
    }
    return i - from;
  }

  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /**
   * Chars that continue a bare token: a run broken by one of these is not a token of the kind, and
   * {@code ?}, {@code %} or {@code ^} inside a run mark it as something else altogether.
   */
  static boolean isTokenChar(char c) {
    return Character.isLetterOrDigit(c)
        || c == '_'
        || c == '-'
        || c == '?'
        || c == '%'
        || c == '^'
        || c == '!'
        || c == '*'
        || c == '$'
        || c == '#'
        || c == '~';
  }
}
