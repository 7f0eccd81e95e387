package dev.parapet.detect.pii;

import dev.parapet.model.Severity;

/** Email addresses: a local part, '@', and a host name whose last label is letters. */
final class EmailScanner implements Scanner {

  private static final String SOURCE = PiiDetector.NAME + "/email";

  @Override
  public void scan(Page page, FindingSink sink) {
    String text = page.text();
    for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      int start = at;
      while (start > 0 && at - start < 64 && isLocal(text.charAt(start - 1))) {
        start--;
      }
      while (start < at && text.charAt(start) == '.') {
        start++;
      }
      int end = at + 1;
      while (end < text.length() && end - at < 255 && isDomain(text.charAt(end))) {
        end++;
      }
      while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
        end--;
      }
      // the local part is already a run of its allowed chars; the domain is checked in place
      if (start < at && isDomainName(text, at + 1, end) && !sink.overlaps(start, end)) {
        sink.add(start, end, "EMAIL_ADDRESS", Severity.MEDIUM, 1.0, SOURCE);
      }
    }
  }

  /**
   * Whether {@code text[from, to)} is a host name: dot-separated labels of 1 to 63 letters, digits
   * and inner hyphens, at least two of them, the last 2 to 24 letters.
   */
  static boolean isDomainName(String text, int from, int to) {
    int labels = 0;
    int labelStart = from;
    for (int i = from; i <= to; i++) {
      if (i < to && text.charAt(i) != '.') {
        continue;
      }
      int length = i - labelStart;
      if (length < 1
          || length > 63
          || !Candidates.isAlnum(text.charAt(labelStart))
          || !Candidates.isAlnum(text.charAt(i - 1))) {
        return false;
      }
      for (int k = labelStart; k < i; k++) {
        char c = text.charAt(k);
        if (!Candidates.isAlnum(c) && c != '-') {
          return false;
        }
      }
      labels++;
      if (i == to) {
        if (labels < 2 || length > 24) {
          return false;
        }
        for (int k = labelStart; k < i; k++) {
          if (!Candidates.isAsciiLetter(text.charAt(k))) {
            return false;
          }
        }
        return length >= 2;
      }
      labelStart = i + 1;
    }
    return false;
  }

  private static boolean isLocal(char c) {
    return Candidates.isAlnum(c) || "._%+-".indexOf(c) >= 0;
  }

  private static boolean isDomain(char c) {
    return Candidates.isAlnum(c) || c == '.' || c == '-';
  }
}
