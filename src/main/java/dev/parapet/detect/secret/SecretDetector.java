package dev.parapet.detect.secret;

import dev.parapet.detect.CodePointOffsets;
import dev.parapet.detect.Detector;
import dev.parapet.detect.DetectorInput;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds credentials: the catalogue's kinds (API keys and tokens by prefix, or by a provider keyword
 * near a bare token), private keys, JSON Web Tokens, passwords in URLs, {@code Authorization}
 * headers, {@code curl -u}, and credential-named assignments whose value looks real. One
 * Aho-Corasick pass finds every literal any of them starts from; patterns run only there, on a
 * bounded window, so the cost stays linear in the text whatever the catalogue's size.
 */
public final class SecretDetector implements Detector {

  static final String NAME = "secret";
  static final String TYPE = "SECRET";

  private static final int STRUCTURED = 1;
  private static final int ASSIGNMENT = 2;

  /** What one literal of the prefilter stands for. */
  private record Literal(
      String text, List<SecretKind> prefixOf, List<SecretKind> keywordOf, int roles) {

    /**
     * A provider's name vetoes generic findings after it when none of its kinds matched; a
     * credential word ("auth_token") names no provider and vetoes nothing.
     */
    boolean vetoes() {
      return KeywordAssignments.TRIGGERS.stream().noneMatch(text::contains);
    }
  }

  private final List<Literal> literals;
  private final LiteralTrie trie;
  private final int kindCount;

  /** The built-in catalogue only. */
  public SecretDetector() {
    this(SecretCatalogue.builtIn());
  }

  public SecretDetector(List<SecretKind> kinds) {
    Map<String, Literal> byText = new LinkedHashMap<>();
    for (SecretKind kind : kinds) {
      for (String prefix : kind.prefixes()) {
        literal(byText, prefix).prefixOf().add(kind);
      }
      for (String keyword : kind.keywords()) {
        literal(byText, keyword).keywordOf().add(kind);
      }
    }
    for (String s :
        List.of(
            StructuredSecrets.URL,
            StructuredSecrets.AUTHORIZATION,
            StructuredSecrets.BEARER,
            StructuredSecrets.CURL,
            StructuredSecrets.ARMOUR,
            StructuredSecrets.JWT_START,
            CommandLineSecrets.SSHPASS,
            CommandLineSecrets.MYSQL,
            CommandLineSecrets.MARIADB,
            CommandLineSecrets.REDIS_CLI,
            ManifestSecrets.KUBERNETES_SECRET,
            ManifestSecrets.PUTTY)) {
      Literal l = literal(byText, s);
      byText.put(
          l.text(), new Literal(l.text(), l.prefixOf(), l.keywordOf(), l.roles() | STRUCTURED));
    }
    for (String s : KeywordAssignments.TRIGGERS) {
      Literal l = literal(byText, s);
      byText.put(
          l.text(), new Literal(l.text(), l.prefixOf(), l.keywordOf(), l.roles() | ASSIGNMENT));
    }
    this.literals = List.copyOf(byText.values());
    this.trie = new LiteralTrie(literals.stream().map(Literal::text).toList());
    this.kindCount = kinds.size();
  }

  /** The built-in catalogue plus the kinds officers add in {@code rulesDir/secrets/*.yaml}. */
  public static SecretDetector load(Path rulesDir) {
    List<SecretKind> officers = SecretCatalogue.load(rulesDir.resolve("secrets"));
    if (officers.isEmpty()) {
      return new SecretDetector();
    }
    List<SecretKind> all = new ArrayList<>(officers); // first, so an officer's kind wins a tie
    all.addAll(SecretCatalogue.builtIn());
    return new SecretDetector(all);
  }

  private static Literal literal(Map<String, Literal> byText, String text) {
    return byText.computeIfAbsent(
        text.toLowerCase(Locale.ROOT),
        t -> new Literal(t, new ArrayList<>(), new ArrayList<>(), 0));
  }

  /** How many kinds the catalogue holds. */
  public int kinds() {
    return kindCount;
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Tokens hold no whitespace; the forms that span it ({@code Authorization: Bearer …}, {@code curl
   * -u …}, an assignment's keyword before its value) are short, and their keyword comes first.
   */
  @Override
  public int holdBack() {
    return 64;
  }

  /** A private key's BEGIN line without its END line yet: the block may still close. */
  @Override
  public int openFrom(String text) {
    int begin = text.lastIndexOf("-----BEGIN ");
    if (begin < 0
        || text.indexOf("-----END", begin) >= 0
        || text.length() - begin > StructuredSecrets.LONGEST_KEY) {
      return -1;
    }
    return text.codePointCount(0, begin);
  }

  @Override
  public List<Finding> detect(DetectorInput input) {
    String text = input.original();
    List<int[]> hits = new ArrayList<>();
    List<int[]> prefixed = new ArrayList<>(0);
    trie.scan(
        text,
        (literal, start) -> {
          Literal l = literals.get(literal);
          if (worthALook(l, text, start)) {
            hits.add(new int[] {literal, start});
          }
          if (!l.prefixOf().isEmpty()
              && l.text().length() >= 3
              && (start == 0 || !CatalogueMatcher.isWordChar(text.charAt(start - 1)))) {
            prefixed.add(new int[] {literal, start}); // even too short to be worth a look
          }
        });
    if (hits.isEmpty()) {
      return List.of();
    }
    SecretSink sink = new SecretSink();
    for (int[] p : prefixed) {
      for (SecretKind kind : literals.get(p[0]).prefixOf()) {
        for (String prefix : kind.prefixes()) {
          if (text.startsWith(prefix, p[1]) && distinctive(prefix, kind)) {
            sink.prefixed(p[1], kind);
          }
        }
      }
    }
    // most specific first: a prefixed token, a provider's keyword, structure, then names
    for (int[] h : hits) {
      Literal l = literals.get(h[0]);
      for (SecretKind kind : l.prefixOf()) {
        for (String prefix : kind.prefixes()) {
          if (prefix.equalsIgnoreCase(l.text())) {
            CatalogueMatcher.atPrefix(text, h[1], prefix, kind, sink);
          }
        }
      }
    }
    for (int[] h : hits) {
      Literal l = literals.get(h[0]);
      if (!l.keywordOf().isEmpty()
          && wordStarts(text, h[1])
          && wordEnds(text, h[1] + l.text().length())) {
        int before = sink.spans.size();
        int end = h[1] + l.text().length();
        for (SecretKind kind : l.keywordOf()) {
          CatalogueMatcher.afterKeyword(text, end, kind, sink);
        }
        if (sink.spans.size() == before && l.vetoes()) {
          sink.veto(end, Math.min(text.length(), end + SecretKind.KEYWORD_REACH));
        }
      }
    }
    structured(text, hits, sink);
    int done = -1;
    for (int[] h : hits) {
      if ((literals.get(h[0]).roles() & ASSIGNMENT) != 0 && h[1] >= done) {
        done = KeywordAssignments.at(text, h[1], sink);
      }
    }
    return findings(input, sink);
  }

  /**
   * Whether a token starting with this prefix is that provider's or nobody's: long enough, or
   * holding a separator, that a random value starts with it only by a rare chance.
   */
  private static boolean distinctive(String prefix, SecretKind kind) {
    return kind.before() == 0
        && (prefix.length() >= 4
            || prefix.length() == 3 && !Character.isLetterOrDigit(prefix.charAt(2)));
  }

  /** Credential words that may run on from a provider's name in one lower-case identifier. */
  private static final String[] RUN_ON = {
    "key",
    "token",
    "secret",
    "api",
    "pass",
    "pwd",
    "auth",
    "access",
    "cred",
    "client",
    "id",
    "app",
    "user",
    "account",
    "consumer",
    "bot",
    "webhook",
    "oauth",
    "private",
    "personal",
    "service",
    "admin",
    "signing",
    "refresh",
    "session",
    "license",
    "master"
  };

  /** Whether a keyword starts a word at {@code at}: after a non-letter, or a camelCase hump. */
  static boolean wordStarts(String text, int at) {
    return at == 0
        || !Character.isLetter(text.charAt(at - 1))
        || Character.isUpperCase(text.charAt(at)) && Character.isLowerCase(text.charAt(at - 1));
  }

  /**
   * Whether a keyword ends a word at {@code end}: a capital (camelCase), a digit or a separator
   * follows, or a credential word run on in lower case ("mailgunapikey"); not a longer word of
   * which the keyword is only the start ("parseuri" for "parseur", "jirafe" for "jira").
   */
  static boolean wordEnds(String text, int end) {
    if (end >= text.length() || !Character.isLowerCase(text.charAt(end))) {
      return true;
    }
    for (String word : RUN_ON) {
      if (text.regionMatches(true, end, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a hit can start anything: a literal that is only a prefix must stand in the text in its
   * exact case with a run of token chars after it, so the common lower-case hits ("ac" in "back",
   * "pat" in "path", a bare "sk-ant-") cost no regex and no allocation.
   */
  private static boolean worthALook(Literal l, String text, int start) {
    if (l.roles() != 0 || !l.keywordOf().isEmpty()) {
      return true;
    }
    for (SecretKind kind : l.prefixOf()) {
      for (String prefix : kind.prefixes()) {
        // a literal that a token ends with or carries inside (before > 0) may close the run
        if (prefix.length() == l.text().length()
            && text.startsWith(prefix, start)
            && (kind.before() > 0
                ? runBefore(text, start) >= Math.min(kind.before(), 8)
                : CatalogueMatcher.runAfter(text, start + prefix.length()) >= 8)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * How many token chars stand right before {@code at}, up to 8: a literal that ends a token
   * ({@code -us} of Mailchimp's keys, {@code NRAL}) is worth a look only after a run of them, not
   * in {@code en-us}.
   */
  private static int runBefore(String text, int at) {
    int i = at;
    while (i > 0 && at - i < 8) {
      char c = text.charAt(i - 1);
      if (!(Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '_' || c == '-')) {
        break;
      }
      i--;
    }
    return at - i;
  }

  private void structured(String text, List<int[]> hits, SecretSink sink) {
    int jwtDone = -1;
    for (int[] h : hits) {
      Literal l = literals.get(h[0]);
      if ((l.roles() & STRUCTURED) == 0) {
        continue;
      }
      switch (l.text()) {
        case StructuredSecrets.URL -> StructuredSecrets.url(text, h[1], sink);
        case StructuredSecrets.AUTHORIZATION -> StructuredSecrets.header(text, h[1], false, sink);
        case StructuredSecrets.BEARER -> StructuredSecrets.header(text, h[1], true, sink);
        case StructuredSecrets.CURL -> StructuredSecrets.curl(text, h[1], sink);
        case StructuredSecrets.ARMOUR -> StructuredSecrets.privateKey(text, h[1], sink);
        case CommandLineSecrets.SSHPASS,
            CommandLineSecrets.MYSQL,
            CommandLineSecrets.MARIADB,
            CommandLineSecrets.REDIS_CLI ->
            CommandLineSecrets.at(text, h[1], l.text(), sink);
        case ManifestSecrets.KUBERNETES_SECRET ->
            ManifestSecrets.kubernetesSecret(text, h[1], sink);
        case ManifestSecrets.PUTTY -> ManifestSecrets.putty(text, h[1], sink);
        case StructuredSecrets.JWT_START -> {
          if (h[1] >= jwtDone) {
            jwtDone = StructuredSecrets.jwt(text, h[1], sink);
          }
        }
        default -> {}
      }
    }
  }

  private static List<Finding> findings(DetectorInput input, SecretSink sink) {
    CodePointOffsets offsets = CodePointOffsets.of(input);
    List<Finding> findings = new ArrayList<>(sink.spans.size());
    for (int i = 0; i < sink.spans.size(); i++) {
      findings.add(
          new Finding(
              NAME,
              TYPE,
              offsets.at(sink.spans.get(i)[0]),
              offsets.at(sink.spans.get(i)[1]),
              Severity.CRITICAL,
              sink.scores.get(i),
              NAME + "/" + sink.kinds.get(i)));
    }
    findings.sort(java.util.Comparator.comparingInt(Finding::start));
    return findings;
  }
}
