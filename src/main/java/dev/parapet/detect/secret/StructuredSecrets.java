package dev.parapet.detect.secret;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials recognized by their surroundings rather than their shape: a password in a URL's user
 * info, an {@code Authorization} header, {@code curl -u user:pass}, a private key block (PEM,
 * OpenSSH, PGP) and a JSON Web Token.
 */
final class StructuredSecrets {

  static final String URL = "://";
  static final String AUTHORIZATION = "authorization";
  static final String BEARER = "bearer ";
  static final String CURL = "curl ";
  static final String ARMOUR = "-----begin ";
  static final String JWT_START = "eyj";

  /** The most a private key block may span from its BEGIN line: {@link #PRIVATE_KEY}'s bounds. */
  static final int LONGEST_KEY = 8192 + 128;

  private static final Pattern PRIVATE_KEY =
      Pattern.compile(
          "-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY( BLOCK)?-----([\\s\\S]{0,8192}?)(?:-----END"
              + " (?:[A-Z0-9]+ ){0,3}PRIVATE KEY( BLOCK)?-----|\\z)");
  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}");
  private static final Pattern CURL_USER =
      Pattern.compile("(?:-u|--user)(?:\\s+|=)[\"']?([^\\s\"':]{1,64}):([^\\s\"']{1,128})");

  private StructuredSecrets() {}

  /** {@code scheme://user:password@host}: the password is the secret. */
  static void url(String text, int at, SecretSink sink) {
    int s = at;
    while (s > 0
        && at - s < 20
        && (Character.isLetterOrDigit(text.charAt(s - 1))
            || text.charAt(s - 1) == '+'
            || text.charAt(s - 1) == '.'
            || text.charAt(s - 1) == '-')) {
      s--;
    }
    if (s == at) {
      return;
    }
    int from = at + URL.length();
    int colon = -1;
    int i = from;
    for (; i < text.length() && i - from < 200; i++) {
      char c = text.charAt(i);
      if (c == '@') {
        break;
      }
      if (Character.isWhitespace(c) || c == '/' || c == '"' || c == '\'' || c == '<' || c == '>') {
        return;
      }
      if (c == ':' && colon < 0) {
        colon = i;
      }
    }
    if (i >= text.length() || text.charAt(i) != '@' || colon < 0 || colon + 1 >= i) {
      return;
    }
    String user = text.substring(from, colon);
    String password = text.substring(colon + 1, i);
    String host = hostAfter(text, i + 1);
    if (!plausibleUrlPassword(user, password) || host.isEmpty()) {
      return;
    }
    // a documentation host: only a password that looks chosen rather than typed as an example
    if (host.contains("example") && !KeywordAssignments.plausiblePassword(password)) {
      return;
    }
    sink.add(colon + 1, i, "URL_CREDENTIALS", 0.9);
  }

  private static String hostAfter(String text, int from) {
    int i = from;
    while (i < text.length()
        && (Character.isLetterOrDigit(text.charAt(i))
            || text.charAt(i) == '.'
            || text.charAt(i) == '-'
            || text.charAt(i) == '_')) {
      i++;
    }
    return text.substring(from, i).toLowerCase(Locale.ROOT);
  }

  static boolean plausibleUrlPassword(String user, String password) {
    String p = password.toLowerCase(Locale.ROOT);
    if (p.isEmpty()
        || p.equals("pass")
        || p.equals("pwd")
        || p.equals("pw")
        || p.equals("passwd")
        || p.equals("password")
        || p.equals("secret")
        || p.equals("token")
        || p.equals(user)
        || p.startsWith("$")
        || p.startsWith("%")
        || p.startsWith("{")
        || p.startsWith("[")
        || p.startsWith("<")
        || p.chars().allMatch(c -> c == '*' || c == 'x' || c == '.')) {
      return false;
    }
    return !Secrets.isPlaceholder(password);
  }

  /** {@code Authorization: Bearer|Basic|Token …} and a bare {@code Bearer …} credential. */
  static void header(String text, int at, boolean bearerOnly, SecretSink sink) {
    int i = at;
    if (!bearerOnly) {
      i += AUTHORIZATION.length();
      while (i < text.length()
          && i - at < 20
          && (text.charAt(i) == '"'
              || text.charAt(i) == '\''
              || text.charAt(i) == ':'
              || text.charAt(i) == '='
              || text.charAt(i) == ' ')) {
        i++;
      }
    }
    int scheme = i;
    while (i < text.length() && Character.isLetter(text.charAt(i)) && i - scheme < 10) {
      i++;
    }
    String name = text.substring(scheme, i).toLowerCase(Locale.ROOT);
    if (!(name.equals("bearer")
            || name.equals("basic")
            || name.equals("token")
            || name.equals("apikey")
            || name.equals("key"))
        || i >= text.length()
        || text.charAt(i) != ' ') {
      return;
    }
    int start = i + 1;
    int end = start;
    while (end < text.length() && end - start < 4096 && isHeaderTokenChar(text.charAt(end))) {
      end++;
    }
    String token = text.substring(start, end);
    boolean ok = name.equals("basic") ? basicCredentials(token) : plausibleBearer(token);
    if (ok
        && (name.equals("basic")
            || !sink.isVetoed(start, end) && !sink.isTruncatedProviderToken(text, start, end))) {
      sink.add(start, end, "AUTHORIZATION_" + name.toUpperCase(Locale.ROOT), 0.9);
    }
  }

  private static boolean isHeaderTokenChar(char c) {
    return Character.isLetterOrDigit(c) || "-._~+/=:%".indexOf(c) >= 0;
  }

  private static boolean plausibleBearer(String token) {
    return token.length() >= 16
        && !Secrets.isPlaceholder(token)
        && token.chars().anyMatch(Character::isDigit)
        && Secrets.entropy(token) >= Secrets.MIN_ENTROPY;
  }

  private static boolean basicCredentials(String token) {
    if (token.length() < 8 || Secrets.isPlaceholder(token)) {
      return false;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon > 0
          && colon < decoded.length() - 1
          && plausibleUrlPassword(decoded.substring(0, colon), decoded.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** {@code curl -u user:pass} or {@code --user user:pass} on the same line as curl. */
  static void curl(String text, int at, SecretSink sink) {
    int eol = text.indexOf('\n', at);
    int end = eol < 0 ? text.length() : Math.min(eol, at + 2048);
    Matcher m = CURL_USER.matcher(text).region(at, Math.min(end, text.length()));
    while (m.find()) {
      if (plausibleUrlPassword(m.group(1), m.group(2))) {
        sink.add(m.start(2), m.end(2), "CURL_USER_PASSWORD", 0.9);
      }
    }
  }

  /** A PEM, OpenSSH or PGP private key block, from its armour line. */
  static void privateKey(String text, int at, SecretSink sink) {
    if (!text.startsWith("-----BEGIN ", at)) {
      return;
    }
    Matcher m = PRIVATE_KEY.matcher(text).region(at, Math.min(text.length(), at + 8400));
    if (m.lookingAt() && body(m.group(2))) {
      int[] account = ManifestSecrets.serviceAccount(text, at, m.end());
      if (account == null || !sink.add(account[0], account[1], "GCP_SERVICE_ACCOUNT_KEY", 1.0)) {
        sink.add(at, m.end(), "PRIVATE_KEY", 1.0);
      }
    }
  }

  /** A key's body holds base64, not an ellipsis or a template marker. */
  private static boolean body(String body) {
    int base64 = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      base64 += Character.isLetterOrDigit(c) || c == '+' || c == '/' ? 1 : 0;
    }
    String lower = body.toLowerCase(Locale.ROOT);
    return base64 >= 16
        && !lower.contains("...")
        && !lower.contains("xxxx")
        && !lower.contains("<")
        && !lower.contains("your");
  }

  /** A JSON Web Token whose header names an algorithm. */
  static int jwt(String text, int at, SecretSink sink) {
    if (!text.startsWith("eyJ", at) || CatalogueMatcher.runAfter(text, at + 3) < 8) {
      return at;
    }
    Matcher m = JWT.matcher(text).region(at, Math.min(text.length(), at + 8192));
    if (m.lookingAt() && headerNamesAlgorithm(m.group()) && !Secrets.isPlaceholder(m.group())) {
      sink.add(at, m.end(), "JWT", 0.9);
      return m.end();
    }
    return at;
  }

  /**
   * Whether the header is a JSON object naming an algorithm and the claims a JSON object: a token
   * whose parts do not decode is a mangled or made-up one, not a credential.
   */
  static boolean headerNamesAlgorithm(String token) {
    int dot = token.indexOf('.');
    int second = token.indexOf('.', dot + 1);
    String header = jsonObject(token.substring(0, dot));
    String claims = jsonObject(token.substring(dot + 1, second));
    return header != null && header.contains("\"alg\"") && claims != null;
  }

  /** The base64url text decoded, when it is a JSON object; else null. */
  private static String jsonObject(String base64url) {
    try {
      String s =
          new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8).strip();
      return s.startsWith("{") && s.endsWith("}") && s.indexOf('\uFFFD') < 0 ? s : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
