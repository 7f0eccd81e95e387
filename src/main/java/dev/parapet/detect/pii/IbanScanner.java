package dev.parapet.detect.pii;

import dev.parapet.model.Severity;

/**
 * IBANs, printed in groups of four (letters included) with spaces or dashes, which candidate runs
 * do not join: a country code, two check digits, the account, and mod 97 over them all.
 */
final class IbanScanner implements Scanner {

  private static final String SOURCE = PiiDetector.NAME + "/iban";
  private static final int LONGEST = 34 + 9; // the longest IBAN with a separator every four

  @Override
  public void scan(Page page, FindingSink sink) {
    String text = page.text();
    int n = text.length();
    for (int start = 0; start + 4 < n; start++) {
      // a cheap look at four chars before any matching: two letters, two digits, at a word start
      if (!isUpper(text.charAt(start))
          || !isUpper(text.charAt(start + 1))
          || start > 0 && Candidates.isAlnum(text.charAt(start - 1))) {
        continue;
      }
      // the check digits, right after the country or after one separator: "NO 93 8601 1117 947"
      int check = isSeparator(text.charAt(start + 2)) && start + 5 < n ? start + 3 : start + 2;
      if (!Candidates.isDigit(text.charAt(check)) || !Candidates.isDigit(text.charAt(check + 1))) {
        continue;
      }
      int end = Math.min(n, start + LONGEST + 2);
      int stop = check + 2;
      for (int i = check + 2; i < end; i++) {
        char c = text.charAt(i);
        if (Candidates.isDigit(c) || isUpper(c)) { // a lower-case word after it is prose
          stop = i + 1;
        } else if (!isSeparator(c) || i + 1 >= end || !Candidates.isAlnum(text.charAt(i + 1))) {
          break;
        }
      }
      for (int e = stop; e > start + 14; e--) { // the shortest IBAN, Norway's, has 15 chars
        if (Candidates.isAlnum(text.charAt(e - 1))
            && !sink.overlaps(start, e)
            && Checksums.iban(text.substring(start, e))) {
          sink.add(start, e, "IBAN_CODE", Severity.HIGH, 1.0, SOURCE);
          start = e - 1;
          break;
        }
      }
    }
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '-' || c == '.';
  }
}
