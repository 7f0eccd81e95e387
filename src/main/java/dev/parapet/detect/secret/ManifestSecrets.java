package dev.parapet.detect.secret;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials that a file's structure marks as such, whatever they look like: the values of a
 * Kubernetes {@code Secret} manifest ({@code data:} base64, {@code stringData:} plain) and a PuTTY
 * private key file.
 */
final class ManifestSecrets {

  static final String KUBERNETES_SECRET = "kind: secret";
  static final String PUTTY = "putty-user-key-file-";

  /** How far a manifest may reach from its {@code kind} line, either way. */
  private static final int MANIFEST_REACH = 8192;

  private static final Pattern SECTION =
      Pattern.compile("(?m)^([ \\t]*)(data|stringData):[ \\t]*$");
  private static final Pattern ENTRY =
      Pattern.compile(
          "([ \\t]+)([A-Za-z0-9_.-]{1,128}):[ \\t]+(['\"]?)([^'\"\\s#]{1,4096})\\3[ \\t]*\\r?$");
  private static final Pattern PRIVATE_LINES =
      Pattern.compile("Private-Lines: ?([0-9]{1,3})\\r?\\n");

  private ManifestSecrets() {}

  /** The {@code data:} and {@code stringData:} entries of the Secret manifest around {@code at}. */
  static void kubernetesSecret(String text, int at, SecretSink sink) {
    int from = text.lastIndexOf("\n---", at);
    from = Math.max(from < 0 ? 0 : from, at - MANIFEST_REACH);
    int to = text.indexOf("\n---", at);
    to = Math.min(to < 0 ? text.length() : to, at + MANIFEST_REACH);
    Matcher section = SECTION.matcher(text).region(from, to);
    while (section.find()) {
      boolean base64 = section.group(2).equals("data");
      int indent = section.group(1).length();
      int line = section.end() + 1;
      while (line < to) {
        int eol = text.indexOf('\n', line);
        eol = eol < 0 || eol > to ? to : eol;
        Matcher entry = ENTRY.matcher(text).region(line, eol);
        if (!entry.lookingAt() || entry.group(1).length() <= indent) {
          break;
        }
        judge(entry.group(2), entry.start(4), entry.end(4), entry.group(4), base64, sink);
        line = eol + 1;
      }
    }
  }

  private static void judge(
      String key, int start, int end, String value, boolean base64, SecretSink sink) {
    String plain = base64 ? decode(value) : value;
    boolean secret;
    if (plain == null) {
      // binary: key material such as an encryption key, unless too short to be one
      secret = base64 && value.length() >= 24 && Secrets.entropy(value) >= Secrets.MIN_ENTROPY;
    } else if (plain.startsWith("-----BEGIN")) {
      secret = plain.contains("PRIVATE KEY");
    } else {
      String lower = key.toLowerCase(Locale.ROOT);
      boolean named =
          KeywordAssignments.family(KeywordAssignments.components(lower, 0, lower.length())) != 0;
      secret =
          named
              ? KeywordAssignments.plausiblePassword(plain)
                  && StructuredSecrets.plausibleUrlPassword("", plain)
              : KeywordAssignments.plausibleSecret(plain);
    }
    if (secret) {
      sink.add(start, end, "KUBERNETES_SECRET", 0.9);
    } else {
      sink.dismiss(start, end); // judged on its decoded value: the encoded text is no token
    }
  }

  /**
   * The value's base64 decoded as printable UTF-8 text, or null when it is binary or not base64.
   */
  private static String decode(String value) {
    try {
      String s = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
      return s.chars()
              .allMatch(
                  c -> c >= 32 && c != 127 && c != 0xFFFD || c == '\n' || c == '\r' || c == '\t')
          ? s.strip()
          : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A PuTTY key file from its first line to its {@code Private-MAC} line. */
  static void putty(String text, int at, SecretSink sink) {
    if (!text.startsWith("PuTTY-User-Key-File-", at)) {
      return;
    }
    Matcher lines =
        PRIVATE_LINES.matcher(text).region(at, Math.min(text.length(), at + MANIFEST_REACH));
    if (!lines.find()) {
      return;
    }
    int count = Integer.parseInt(lines.group(1));
    int end = lines.end();
    int base64 = 0;
    for (int i = 0; i < count && end < text.length(); i++) {
      int eol = text.indexOf('\n', end);
      eol = eol < 0 ? text.length() : eol;
      for (int j = end; j < eol; j++) {
        char c = text.charAt(j);
        base64 += Character.isLetterOrDigit(c) || c == '+' || c == '/' ? 1 : 0;
      }
      end = Math.min(text.length(), eol + 1);
    }
    String body = text.substring(lines.end(), end);
    if (base64 < 16 || body.contains("...") || body.toLowerCase(Locale.ROOT).contains("xxxx")) {
      return;
    }
    if (text.startsWith("Private-MAC:", end) || text.startsWith("Private-Hash:", end)) {
      int eol = text.indexOf('\n', end);
      end = eol < 0 ? text.length() : eol;
    }
    while (end > at && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    sink.add(at, end, "PUTTY_PRIVATE_KEY", 1.0);
  }

  /**
   * The JSON object around a private key when it is a Google service account's key file: the
   * object, not only the key, is the credential.
   *
   * @return {start, end} of the object, or null
   */
  static int[] serviceAccount(String text, int keyStart, int keyEnd) {
    int type = text.lastIndexOf("service_account", keyStart);
    if (type < 0 || keyStart - type > 2048) {
      return null;
    }
    int open = text.lastIndexOf('{', type);
    int close = text.indexOf('}', keyEnd);
    if (open < 0 || type - open > 512 || close < 0 || close - keyEnd > 4096) {
      return null;
    }
    return new int[] {open, close + 1};
  }
}
