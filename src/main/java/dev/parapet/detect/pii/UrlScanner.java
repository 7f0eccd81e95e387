package dev.parapet.detect.pii;

import dev.parapet.model.Severity;

/** URLs with a scheme ({@code http}, {@code https}, {@code ftp}) or starting {@code www.}. */
final class UrlScanner implements Scanner {

  private static final String SOURCE = PiiDetector.NAME + "/url";
  private static final String[] STARTS = {"https://", "http://", "ftp://", "www."};

  @Override
  public void scan(Page page, FindingSink sink) {
    String text = page.text();
    String lower = page.lower();
    for (String scheme : STARTS) {
      for (int at = lower.indexOf(scheme); at >= 0; at = lower.indexOf(scheme, at + 1)) {
        if (sink.overlaps(at, at + 1) || at > 0 && Candidates.isAlnum(text.charAt(at - 1))) {
          continue;
        }
        int end = at + scheme.length();
        while (end < text.length() && end - at < 2048 && isUrlChar(text.charAt(end))) {
          end++;
        }
        while (end > at && ".,;:!?)]}'\"".indexOf(text.charAt(end - 1)) >= 0) {
          end--;
        }
        int host = at + scheme.length();
        if (end - at > scheme.length() + 3
            && (text.substring(host, end).contains(".") || text.startsWith("localhost", host))) {
          sink.add(at, end, "URL", Severity.LOW, 0.85, SOURCE);
          at = end - 1;
        }
      }
    }
  }

  private static boolean isUrlChar(char c) {
    return c > ' ' && c < 127 && "<>\"'`{}|\\^".indexOf(c) < 0;
  }
}
