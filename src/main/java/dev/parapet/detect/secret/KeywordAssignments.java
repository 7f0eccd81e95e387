package dev.parapet.detect.secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds values assigned to credential-named identifiers in the syntaxes people paste: {@code .env}
 * and shell ({@code export DB_PASSWORD=…}), YAML ({@code api_key: …}), JSON ({@code "token": "…"}),
 * Go ({@code apiKey := "…"}), Python and Ruby ({@code SECRET = '…'}, {@code :token => "…"}), XML
 * ({@code password="…"}, {@code <password>…</password>}, {@code key="ApiKey" value="…"}), command
 * flags ({@code --token …}) and prose ({@code my password is …}). The identifier decides what the
 * value must look like: a password any non-trivial string, a key or token a random-looking one.
 */
final class KeywordAssignments {

  /** Literals that put an identifier under suspicion; its components then decide. */
  static final List<String> TRIGGERS =
      List.of("pass", "pwd", "secret", "token", "key", "auth", "cred");

  private static final Set<String> PASSWORD_WORDS =
      Set.of("password", "passwd", "pwd", "pass", "passphrase", "passwort", "pw");
  private static final Set<String> SECRET_WORDS =
      Set.of(
          "secret",
          "secrets",
          "token",
          "tokens",
          "apikey",
          "credential",
          "credentials",
          "creds",
          "auth",
          "bearer");

  /** Words before a final {@code key} that make it a secret key rather than a lookup key. */
  private static final Set<String> KEY_QUALIFIERS =
      Set.of(
          "api",
          "secret",
          "access",
          "private",
          "auth",
          "master",
          "signing",
          "sign",
          "encryption",
          "encrypt",
          "enc",
          "license",
          "licence",
          "app",
          "application",
          "client",
          "account",
          "subscription",
          "service",
          "consumer",
          "admin",
          "session",
          "jwt",
          "hmac",
          "shared",
          "root",
          "storage",
          "crypto",
          "cipher",
          "aes",
          "deploy",
          "webhook",
          "server",
          "bot",
          "live",
          "prod",
          "production",
          "dev",
          "developer",
          "user",
          "x",
          "rest",
          "sdk",
          "mgmt",
          "management",
          "partner",
          "merchant",
          "primary",
          "secondary",
          "write",
          "read",
          "ingest",
          "ingestion",
          "integration",
          "personal",
          "project",
          "org",
          "nonce");

  /** Components after the credential word that still name the credential itself. */
  private static final Set<String> TRAILERS =
      Set.of(
          "value",
          "str",
          "string",
          "b64",
          "base64",
          "raw",
          "plain",
          "plaintext",
          "env",
          "prod",
          "dev",
          "live",
          "test",
          "base");

  /** Values that refer to a secret kept elsewhere rather than being one. */
  private static final String[] REFERENCES = {
    "$",
    "%(",
    "%{",
    "{{",
    "<",
    "!",
    "@",
    "env.",
    "env(",
    "env[",
    "process.env",
    "os.environ",
    "os.getenv",
    "getenv",
    "system.getenv",
    "config.",
    "config[",
    "settings.",
    "secrets.",
    "vault:",
    "self.",
    "this.",
    "params.",
    "args.",
    "var.",
    "local.",
    "data.",
    "ref("
  };

  private KeywordAssignments() {}

  /** Examines the identifier around a trigger at {@code at}; returns where the identifier ends. */
  static int at(String text, int at, SecretSink sink) {
    int start = at;
    while (start > 0 && at - start < 48 && isIdentChar(text.charAt(start - 1))) {
      start--;
    }
    int end = at;
    while (end < text.length() && end - at < 48 && isIdentChar(text.charAt(end))) {
      end++;
    }
    while (start < at && (text.charAt(start) == '-' || text.charAt(start) == '.')) {
      start++;
    }
    while (end > at && (text.charAt(end - 1) == '-' || text.charAt(end - 1) == '.')) {
      end--;
    }
    int family = family(components(text, start, end));
    if (family == 0) {
      return end;
    }
    int valueAt = operator(text, start, end, family == PASSWORD);
    if (valueAt < 0) {
      return end;
    }
    value(text, valueAt, family, sink);
    return end;
  }

  static final int PASSWORD = 1;
  static final int SECRET = 2;

  /** 0 when the identifier names no credential; else PASSWORD or SECRET. */
  static int family(List<String> parts) {
    List<String> p = new ArrayList<>(parts);
    while (p.size() > 1
        && (TRAILERS.contains(p.get(p.size() - 1)) || isNumber(p.get(p.size() - 1)))) {
      p.remove(p.size() - 1);
    }
    if (p.isEmpty()) {
      return 0;
    }
    String last = p.get(p.size() - 1);
    if (p.size() == 1) {
      return singleWord(last);
    }
    if (PASSWORD_WORDS.contains(last)) {
      return PASSWORD;
    }
    if (last.equals("auth") && p.get(p.size() - 2).equals("basic")) {
      return SECRET;
    }
    if (SECRET_WORDS.contains(last)) {
      String before = p.get(p.size() - 2);
      // "csrf_token", "page_token", "next_token" are not credentials
      return before.equals("csrf")
              || before.equals("page")
              || before.equals("next")
              || before.equals("max")
              || before.equals("id")
              || before.equals("xsrf")
          ? 0
          : SECRET;
    }
    if ((last.equals("key") || last.equals("keys"))
        && KEY_QUALIFIERS.contains(p.get(p.size() - 2))) {
      return SECRET;
    }
    return 0;
  }

  private static int singleWord(String w) {
    if (PASSWORD_WORDS.contains(w) || w.endsWith("password") || w.endsWith("passwd")) {
      return PASSWORD;
    }
    if (SECRET_WORDS.contains(w) || w.equals("key")) {
      return SECRET;
    }
    if (w.endsWith("key")) {
      // one run-together word: "azurestorageaccountkey", "masterkey"
      String head = w.substring(0, w.length() - 3);
      for (String q : KEY_QUALIFIERS) {
        if (q.length() > 2 && head.endsWith(q)) {
          return SECRET;
        }
      }
    }
    for (String end :
        new String[] {
          "secret",
          "token",
          "apikey",
          "secretkey",
          "accesskey",
          "privatekey",
          "authkey",
          "masterkey",
          "signingkey",
          "encryptionkey",
          "licensekey",
          "clientsecret",
          "accesstoken",
          "authtoken",
          "credentials"
        }) {
      if (w.endsWith(end) && !w.startsWith("csrf") && !w.startsWith("xsrf")) {
        return SECRET;
      }
    }
    return 0;
  }

  /** The identifier's words, lower case: split at {@code _ - .} and at camelCase humps. */
  static List<String> components(String text, int start, int end) {
    List<String> parts = new ArrayList<>();
    int from = start;
    for (int i = start; i <= end; i++) {
      boolean split =
          i == end || text.charAt(i) == '_' || text.charAt(i) == '-' || text.charAt(i) == '.';
      boolean hump =
          !split
              && i > from
              && Character.isUpperCase(text.charAt(i))
              && Character.isLowerCase(text.charAt(i - 1));
      if (split || hump) {
        if (i > from) {
          parts.add(text.substring(from, i).toLowerCase(Locale.ROOT));
        }
        from = split ? i + 1 : i;
      }
    }
    return parts;
  }

  /**
   * Where the value starts after the identifier {@code [start, end)}, or -1 when no assignment
   * follows: {@code = : := => ->}, an XML element or a {@code value=} attribute, a command flag's
   * space, or (for passwords in prose) {@code is}.
   */
  static int operator(String text, int start, int end, boolean password) {
    int n = text.length();
    int i = end;
    boolean quoted = i < n && (text.charAt(i) == '"' || text.charAt(i) == '\'');
    if (quoted || i < n && text.charAt(i) == ']') {
      i++;
      if (i < n && text.charAt(i) == ']') {
        i++;
      }
    }
    if (start > 0 && text.charAt(start - 1) == '<' && i < n && text.charAt(i) == '>') {
      return i + 1; // <password>value</password>
    }
    int spaces = 0;
    while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t') && spaces < 8) {
      i++;
      spaces++;
    }
    if (i >= n) {
      return -1;
    }
    char c = text.charAt(i);
    if (c == '=' || c == ':') {
      if (i + 1 < n && (text.charAt(i + 1) == '=' && c == '=')) {
        return -1; // a comparison
      }
      boolean colon = c == ':' && !(i + 1 < n && text.charAt(i + 1) == '=');
      i += (c == ':' && i + 1 < n && text.charAt(i + 1) == '=') ? 2 : 1;
      if (c == '=' && i < n && text.charAt(i) == '>') {
        i++;
      }
      int value = skipSpaces(text, i);
      int typed = colon ? afterTypeName(text, value) : -1;
      return typed >= 0 ? typed : value; // token: string = "…" in TypeScript, Rust, Kotlin
    }
    if ((c == '-' && i + 1 < n && text.charAt(i + 1) == '>')
        || (c == '?' || c == '<') && i + 1 < n && text.charAt(i + 1) == (c == '<' ? '-' : '=')) {
      return skipSpaces(text, i + 2); // ->, Makefile ?=, R <-
    }
    if (spaces > 0 && Character.isLetter(c)) {
      int typed = afterTypeName(text, i);
      if (typed >= 0) {
        return typed; // var token string = "…" in Go
      }
    }
    if (quoted && c == '{') {
      return variableDefault(text, i + 1); // variable "db_password" { default = "…" }
    }
    if (spaces > 0 && dockerInstruction(text, start)) {
      return i; // ENV DB_PASSWORD value
    }
    int pair = nameValuePair(text, start, end);
    if (pair >= 0) {
      return pair;
    }
    if (quoted && c == ',') {
      return skipSpaces(text, i + 1); // define('DB_PASSWORD', 'value')
    }
    if (quoted && text.startsWith("value=", i)) {
      return i + "value=".length(); // <add key="ApiKey" value="…"/>
    }
    boolean flag = start >= 2 && text.charAt(start - 1) == '-';
    if (flag && spaces > 0) {
      return i; // --password value
    }
    if (spaces > 0 && text.startsWith("is ", i)) {
      return skipSpaces(text, i + 3); // "my password is …", "my api key is …"
    }
    if (password && spaces > 0 && netrc(text, start)) {
      return i; // machine host login user password value
    }
    return -1;
  }

  /**
   * Where the value starts when a type name and {@code =} stand at {@code at} ({@code string = },
   * {@code &str = }, {@code Option<String> = }), or -1.
   */
  private static int afterTypeName(String text, int at) {
    int i = at;
    while (i < text.length()
        && i - at < 40
        && (Character.isLetterOrDigit(text.charAt(i))
            || "&<>[]?._'*".indexOf(text.charAt(i)) >= 0)) {
      i++;
    }
    if (i == at || !Character.isLetter(text.charAt(at)) && text.charAt(at) != '&') {
      return -1;
    }
    int eq = skipSpaces(text, i);
    if (eq == i
        || eq >= text.length()
        || text.charAt(eq) != '='
        || eq + 1 < text.length() && text.charAt(eq + 1) == '=') {
      return -1;
    }
    return skipSpaces(text, eq + 1);
  }

  /**
   * Whether the identifier at {@code at} is the first of a Dockerfile {@code ENV} or {@code ARG}.
   */
  private static boolean dockerInstruction(String text, int at) {
    int line = text.lastIndexOf('\n', at - 1) + 1;
    String head = text.substring(line, at).strip();
    return head.equals("ENV") || head.equals("ARG");
  }

  /**
   * Where the {@code default} value of a Terraform or HCL variable block starts, or -1: a variable
   * named for a credential holds one there.
   */
  private static int variableDefault(String text, int from) {
    int limit = Math.min(text.length(), from + 400);
    int close = text.indexOf('}', from);
    if (close >= 0) {
      limit = Math.min(limit, close);
    }
    for (int d = text.indexOf("default", from);
        d >= 0 && d < limit;
        d = text.indexOf("default", d + 1)) {
      int i = skipSpaces(text, d + "default".length());
      if (i < limit && text.charAt(i) == '=' && Character.isWhitespace(text.charAt(d - 1))) {
        return skipSpaces(text, i + 1);
      }
    }
    return -1;
  }

  /** Whether the line before {@code at} is a .netrc entry ({@code machine … login …}). */
  private static boolean netrc(String text, int at) {
    int line = text.lastIndexOf('\n', at - 1) + 1;
    String head = text.substring(line, at);
    return head.contains("login ") && (head.startsWith("machine ") || head.startsWith("default"));
  }

  /**
   * Where the value starts when the identifier is the name of a name/value pair ({@code - name:
   * API_KEY} then {@code value: …} in Kubernetes, {@code "Name": "ApiKey", "Value": …} in app
   * settings), or -1.
   */
  private static int nameValuePair(String text, int start, int end) {
    int b = start;
    while (b > 0 && start - b < 12 && " \t\"':=".indexOf(text.charAt(b - 1)) >= 0) {
      b--;
    }
    if (b < 4 || !text.regionMatches(true, b - 4, "name", 0, 4)) {
      return -1;
    }
    int i = end;
    while (i < text.length() && i - end < 40 && " \t\r\n\"',-".indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    if (!text.regionMatches(true, i, "value", 0, 5)) {
      return -1;
    }
    i += 5;
    if (i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
      i++;
    }
    i = skipSpaces(text, i);
    if (i < text.length() && (text.charAt(i) == ':' || text.charAt(i) == '=')) {
      return skipSpaces(text, i + 1);
    }
    return -1;
  }

  private static int skipSpaces(String text, int from) {
    int i = from;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t') && i - from < 8) {
      i++;
    }
    return i;
  }

  /** Reads the value at {@code at}, quoted or not, and reports it if it looks like a secret. */
  static void value(String text, int at, int family, SecretSink sink) {
    int n = text.length();
    if (at >= n) {
      return;
    }
    char q = text.charAt(at);
    int start;
    int end;
    if (at > 0 && text.charAt(at - 1) == '>') {
      element(text, at, family, sink);
      return;
    }
    if ((q == '|' || q == '>') && blockScalar(text, at) >= 0) {
      value(text, blockScalar(text, at), family, sink); // token: |\n  value
      return;
    }
    if ((q == '"' || q == '\'') && text.startsWith(String.valueOf(q).repeat(3), at)) {
      at += 2; // a Python or TOML triple-quoted string holding one line
    }
    if (q == '"' || q == '\'' || q == '`') {
      start = at + 1;
      end = start;
      while (end < n && text.charAt(end) != q && text.charAt(end) != '\n' && end - start < 256) {
        end++;
      }
      if (end >= n || text.charAt(end) != q) {
        return;
      }
    } else {
      start = at;
      end = at;
      while (end < n && end - start < 256 && !endsBareValue(text, end)) {
        end++;
      }
      while (end > start && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ')')) {
        end--; // sentence or call punctuation
      }
      if (isReference(text.substring(start, end)) || isCodeName(text, start, end)) {
        return;
      }
    }
    String value = text.substring(start, end);
    if (isReference(value)) {
      return;
    }
    if (family == SECRET && sink.isVetoed(start, end)
        || sink.isTruncatedProviderToken(text, start, end)) {
      return;
    }
    boolean quoted = start > at;
    if (family == PASSWORD
        ? plausiblePassword(value)
        : plausibleSecret(value) || quoted && isKeyMaterial(value)) {
      sink.add(start, end, "GENERIC_ASSIGNMENT", 0.8);
    }
  }

  /** Where a YAML block scalar's first line starts ({@code |}, {@code >-} then a line), or -1. */
  private static int blockScalar(String text, int at) {
    int i = at + 1;
    if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
      i++;
    }
    i = skipSpaces(text, i);
    if (i < text.length() && text.charAt(i) == '\r') {
      i++;
    }
    if (i >= text.length() || text.charAt(i) != '\n') {
      return -1;
    }
    int first = skipSpaces(text, i + 1);
    return first > i + 1 && first < text.length() && text.charAt(first) != '|' ? first : -1;
  }

  /**
   * A quoted key of printable chars of every class, such as Django's {@code SECRET_KEY} or
   * WordPress's salts: long and random enough that no name, path or sentence looks like it.
   */
  static boolean isKeyMaterial(String v) {
    // such alphabets hold '<', '${' or '{{' by chance: only words mark a placeholder here
    if (v.length() < 32
        || v.length() > 256
        || v.charAt(0) == '='
        || v.startsWith("<") && v.endsWith(">")
        || Secrets.isPlaceholder(v.replaceAll("[^A-Za-z0-9_-]", "#"))) {
      return false;
    }
    boolean upperOrDigit = false;
    boolean lower = false;
    int punct = 0;
    java.util.BitSet kinds = new java.util.BitSet(128);
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c <= ' ' || c >= 127) {
        return false;
      }
      upperOrDigit |= Character.isUpperCase(c) || Character.isDigit(c);
      lower |= Character.isLowerCase(c);
      if (!Character.isLetterOrDigit(c)) {
        punct++;
        kinds.set(c);
      }
    }
    // drawn from an alphabet with punctuation: a fifth or more of it, of four kinds or more; a
    // token with one stray symbol in it is a mangled token, not such a key
    return upperOrDigit
        && lower
        && punct * 5 >= v.length()
        && kinds.cardinality() >= 4
        && Secrets.entropy(v) >= 4.3;
  }

  /**
   * An XML element's content up to its closing tag; Jenkins' credential files wrap it in braces
   * after a marker ({@code {AQAAABAAA …}}), so the last word is the value.
   */
  private static void element(String text, int at, int family, SecretSink sink) {
    int close = text.indexOf('<', at);
    if (close < 0 || close - at > 512) {
      return;
    }
    int end = close;
    while (end > at
        && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == '}')) {
      end--;
    }
    int start = end;
    while (start > at
        && !Character.isWhitespace(text.charAt(start - 1))
        && text.charAt(start - 1) != '{') {
      start--;
    }
    String value = text.substring(start, end);
    if (isReference(value)
        || family == SECRET && sink.isVetoed(start, end)
        || sink.isTruncatedProviderToken(text, start, end)) {
      return;
    }
    if (family == PASSWORD ? plausiblePassword(value) : plausibleSecret(value)) {
      sink.add(start, end, "GENERIC_ASSIGNMENT", 0.8);
    }
  }

  /**
   * Whether the char at {@code i} ends a bare value; {@code &} only where a query parameter follows
   * ({@code &ssl=true}), since a password in a connection string may hold one.
   */
  private static boolean endsBareValue(String text, int i) {
    char c = text.charAt(i);
    if (c == '&') {
      int j = i + 1;
      while (j < text.length()
          && j - i < 40
          && (isIdentChar(text.charAt(j)) || text.charAt(j) == ';')) {
        if (text.charAt(j) == ';') {
          return j == i + 1 || text.startsWith("amp;", i + 1); // &amp; in markup, or "&;"
        }
        j++;
      }
      return j == text.length() || text.charAt(j) == '=' || j == i + 1;
    }
    return Character.isWhitespace(c)
        || c == ','
        || c == ';'
        || c == '&'
        || c == '"'
        || c == '\''
        || c == '<'
        || c == '}'
        || c == ']'
        || c == '`';
  }

  private static boolean isReference(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    for (String r : REFERENCES) {
      if (lower.startsWith(r)) {
        return true;
      }
    }
    int paren = lower.indexOf('(');
    return lower.endsWith(")") && paren > 0 && isCallee(lower, paren);
  }

  /** Whether the text before a call's parenthesis is a dotted name ({@code os.getenv}). */
  private static boolean isCallee(String s, int paren) {
    for (int i = 0; i < paren; i++) {
      if (!isIdentChar(s.charAt(i)) && s.charAt(i) != ':') {
        return false;
      }
    }
    return true;
  }

  /** A bare dotted or plain identifier in code ({@code token = request.token}) names a variable. */
  private static boolean isCodeName(String text, int start, int end) {
    boolean dotted = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '.') {
        dotted = true;
      } else if (!(Character.isLetter(c) || c == '_' || c == '(' || c == ')')) {
        return false;
      }
    }
    return dotted
        || (end - start < 16
            && text.substring(start, end).contains("_")
            && isWords(text, start, end));
  }

  /** Whether each part between underscores is a word: lower, upper or capitalized case. */
  private static boolean isWords(String text, int start, int end) {
    for (String part : text.substring(start, end).split("_")) {
      String rest = part.length() > 1 ? part.substring(1) : "";
      boolean lower = rest.equals(rest.toLowerCase(Locale.ROOT));
      boolean upper = part.equals(part.toUpperCase(Locale.ROOT));
      if (!lower && !upper) {
        return false;
      }
    }
    return true;
  }

  static boolean plausiblePassword(String v) {
    if (v.length() < 6 || v.length() > 128 || Secrets.isPlaceholder(v) || v.contains(" ")) {
      return false;
    }
    int classes = 0;
    classes += v.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
    classes += v.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
    classes += v.chars().anyMatch(Character::isDigit) ? 1 : 0;
    classes += v.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
    return (classes >= 2 || v.length() >= 12) && Secrets.entropy(v) >= 2.3;
  }

  static boolean plausibleSecret(String v) {
    // base64 pads only at the end: a value that starts with '=' is a fragment or a typo
    if (v.length() < 10 || v.length() > 256 || v.charAt(0) == '=' || Secrets.isPlaceholder(v)) {
      return false;
    }
    boolean digit = false;
    boolean upper = false;
    boolean lower = false;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!(Character.isLetterOrDigit(c) || "_-+/=.~:".indexOf(c) >= 0)) {
        return false;
      }
      digit |= Character.isDigit(c);
      upper |= Character.isUpperCase(c);
      lower |= Character.isLowerCase(c);
    }
    return (digit && (upper || lower) || upper && lower && v.length() >= 16 && !isCamelWords(v))
        && Secrets.entropy(v) >= Secrets.MIN_ENTROPY
        && !encodesExampleCredentials(v);
  }

  /** Whether the value is base64 of {@code user:password} with an example password. */
  static boolean encodesExampleCredentials(String v) {
    if (v.length() % 4 != 0) {
      return false;
    }
    try {
      byte[] raw = java.util.Base64.getDecoder().decode(v);
      String decoded = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
      return decoded.chars().allMatch(c -> c >= 32 && c < 127)
          && decoded.indexOf(':') > 0
          && !Checksum.BASE64_USER_PASSWORD.verifies(v);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Whether a value of letters is a camelCase name ({@code ClearTextPassword}, {@code
   * connectionStringSecondary}): every hump a word of three or more letters, which a random token
   * almost never is.
   */
  static boolean isCamelWords(String v) {
    int hump = 0;
    for (int i = 0; i <= v.length(); i++) {
      if (i == v.length() || Character.isUpperCase(v.charAt(i)) && i > 0) {
        if (i - hump < 3) {
          return false;
        }
        hump = i;
      } else if (!Character.isLetter(v.charAt(i))
          || i > hump && Character.isUpperCase(v.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
  }

  static boolean isIdentChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
  }
}
