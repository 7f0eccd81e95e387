package dev.parapet.detect.pii;

import dev.parapet.model.Severity;

/**
 * MAC addresses (six hex pairs joined by one ':' or '-', or three groups of four joined by '.') and
 * IPv6 addresses in every textual form: full, compressed with '::', with an embedded IPv4 tail
 * ({@code ::ffff:192.0.2.1}) and with a zone ({@code fe80::1%eth0}). Times such as 10:30:00 are not
 * addresses: without '::' an IPv6 address has eight groups.
 */
final class NetworkScanner implements Scanner {

  private static final String MAC = PiiDetector.NAME + "/mac";
  private static final String IPV6 = PiiDetector.NAME + "/ipv6";

  @Override
  public void scan(Page page, FindingSink sink) {
    macs(page.text(), sink);
    ipv6(page.text(), sink);
  }

  private static void macs(String text, FindingSink sink) {
    int n = text.length();
    for (int i = 0; i + 14 <= n; i++) {
      if (i > 0 && (Candidates.isAlnum(text.charAt(i - 1)) || text.charAt(i - 1) == ':')) {
        continue;
      }
      int end = -1;
      char sep = i + 2 < n ? text.charAt(i + 2) : 0;
      if ((sep == ':' || sep == '-') && i + 17 <= n && groups(text, i, 6, 2, sep)) {
        end = i + 17;
      } else if (i + 4 < n && text.charAt(i + 4) == '.' && groups(text, i, 3, 4, '.')) {
        end = i + 14;
      }
      if (end > 0
          && (end == n || !Candidates.isAlnum(text.charAt(end)) && text.charAt(end) != sep)
          && !sink.overlaps(i, end)) {
        sink.add(i, end, "MAC_ADDRESS", Severity.LOW, 0.8, MAC);
        i = end;
      }
    }
  }

  private static boolean groups(String text, int at, int count, int width, char sep) {
    for (int g = 0; g < count; g++) {
      int from = at + g * (width + 1);
      for (int k = 0; k < width; k++) {
        if (!isHex(text.charAt(from + k))) {
          return false;
        }
      }
      if (g < count - 1 && text.charAt(from + width) != sep) {
        return false;
      }
    }
    return true;
  }

  private static void ipv6(String text, FindingSink sink) {
    int n = text.length();
    for (int at = text.indexOf(':'); at >= 0 && at < n; at = text.indexOf(':', at + 1)) {
      int start = at;
      while (start > 0 && at - start < 40 && isHexOrColon(text.charAt(start - 1))) {
        start--;
      }
      int end = at;
      while (end < n
          && end - start < 46
          && (isHexOrColon(text.charAt(end)) || text.charAt(end) == '.')) {
        end++;
      }
      while (end > at + 1
          && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ':')
          && !(text.charAt(end - 1) == ':' && text.charAt(end - 2) == ':')) {
        end--;
      }
      boolean bounded =
          (start == 0 || !Candidates.isAlnum(text.charAt(start - 1)))
              && (end == n || !Candidates.isAlnum(text.charAt(end)) || text.charAt(end) == '%');
      if (bounded && !sink.overlaps(start, end) && isIpv6(text.substring(start, end))) {
        int stop = end;
        if (stop < n && text.charAt(stop) == '%') { // a zone: fe80::1%eth0
          stop++;
          while (stop < n && Candidates.isAlnum(text.charAt(stop))) {
            stop++;
          }
        }
        sink.add(start, stop, "IP_ADDRESS", Severity.LOW, 0.85, IPV6);
      }
      at = Math.max(at, end);
    }
  }

  /** Whether {@code s} is an IPv6 address (without zone). */
  static boolean isIpv6(String s) {
    int compress = s.indexOf("::");
    if (compress >= 0 && s.indexOf("::", compress + 1) >= 0) {
      return false;
    }
    int groups = 0;
    int nonEmpty = 0;
    String[] parts = s.split(":", -1);
    for (int i = 0; i < parts.length; i++) {
      String g = parts[i];
      if (g.indexOf('.') >= 0) {
        if (i != parts.length - 1 || !isIpv4(g)) {
          return false; // a dotted quad only as the last group
        }
        groups += 2;
        nonEmpty++;
        continue;
      }
      if (g.length() > 4) {
        return false;
      }
      if (!g.isEmpty()) {
        groups++;
        nonEmpty++;
      }
    }
    if (compress < 0) {
      return groups == 8 && nonEmpty == parts.length;
    }
    if (groups > 7) {
      return false;
    }
    // "::1" and "fe80::1" are addresses; "a::" and "x::y" in code mostly are not
    return compress == 0 ? nonEmpty >= 1 : nonEmpty >= 2 || s.endsWith("::") && nonEmpty >= 2;
  }

  static boolean isIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || p.length() > 1 && p.charAt(0) == '0') {
        return false;
      }
      for (int i = 0; i < p.length(); i++) {
        if (!Candidates.isDigit(p.charAt(i))) {
          return false;
        }
      }
      if (Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  private static boolean isHexOrColon(char c) {
    return c == ':' || isHex(c);
  }
}
