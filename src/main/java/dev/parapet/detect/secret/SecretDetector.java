package dev.parapet.detect.secret;

import dev.parapet.detect.CodePointOffsets;
import dev.parapet.detect.Detector;
import dev.parapet.detect.DetectorInput;
import dev.parapet.detect.NextChars;
import dev.parapet.detect.SpanSet;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.text.NormalizedText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials: cloud and SaaS API keys by their fixed prefixes, PEM private keys, JSON Web
 * Tokens, and {@code password=…}-style assignments whose value looks random. Each pattern runs only
 * where its prefix occurs, on a bounded window, so the cost stays linear in the text.
 */
public final class SecretDetector implements Detector {

  static final String NAME = "secret";
  static final String TYPE = "SECRET";
  private static final int WINDOW = 256;

  /** A kind of secret: where to look, and what the whole value looks like from there. */
  private record Kind(String name, String prefix, Pattern pattern, boolean[] afterPrefix) {

    Kind(String name, String prefix, Pattern pattern) {
      this(name, prefix, pattern, NextChars.after(pattern, prefix));
    }

    /**
     * Whether the char at {@code index} may follow the prefix in a match; a prefix seen in prose
     * ("AKIA is…") is then dismissed without running the pattern.
     */
    boolean canFollowPrefix(String text, int index) {
      if (index >= text.length()) {
        return true; // the text ends at the prefix: the pattern decides
      }
      char c = text.charAt(index);
      return c >= 128 || afterPrefix[c];
    }
  }

  private static final List<Kind> KINDS =
      List.of(
          kind("AWS_ACCESS_KEY", "AKIA", "AKIA[A-Z0-9]{16}(?![A-Za-z0-9])"),
          kind("AWS_ACCESS_KEY", "ASIA", "ASIA[A-Z0-9]{16}(?![A-Za-z0-9])"),
          kind("GITHUB_TOKEN", "ghp_", "ghp_[A-Za-z0-9]{36}(?![A-Za-z0-9])"),
          kind("GITHUB_TOKEN", "gho_", "gho_[A-Za-z0-9]{36}(?![A-Za-z0-9])"),
          kind("GITHUB_TOKEN", "ghs_", "ghs_[A-Za-z0-9]{36}(?![A-Za-z0-9])"),
          kind("GITHUB_TOKEN", "ghu_", "ghu_[A-Za-z0-9]{36}(?![A-Za-z0-9])"),
          kind("GITHUB_TOKEN", "github_pat_", "github_pat_[A-Za-z0-9_]{60,100}"),
          kind("GITLAB_TOKEN", "glpat-", "glpat-[A-Za-z0-9_-]{20,}"),
          kind("SLACK_TOKEN", "xox", "xox[abprs]-[A-Za-z0-9-]{10,}"),
          kind(
              "SLACK_WEBHOOK",
              "hooks.slack.com/services/",
              "hooks\\.slack\\.com/services/T[A-Za-z0-9]+/B[A-Za-z0-9]+/[A-Za-z0-9]{16,}"),
          kind("STRIPE_KEY", "sk_live_", "sk_live_[A-Za-z0-9]{20,}"),
          kind("STRIPE_KEY", "rk_live_", "rk_live_[A-Za-z0-9]{20,}"),
          kind("STRIPE_KEY", "sk_test_", "sk_test_[A-Za-z0-9]{20,}"),
          kind("GOOGLE_API_KEY", "AIza", "AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])"),
          kind("ANTHROPIC_API_KEY", "sk-ant-", "sk-ant-[a-z0-9]{2,10}-[A-Za-z0-9_-]{40,}"),
          kind("OPENAI_API_KEY", "sk-", "sk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,}"),
          new Kind(
              "PRIVATE_KEY",
              "-----BEGIN ",
              Pattern.compile(
                  "-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY( BLOCK)?-----[\\s\\S]{0,8192}?(?:-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY( BLOCK)?-----|\\z)")));

  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}");
  private static final String[] ASSIGNMENT_KEYS = {
    "password",
    "passwd",
    "pwd",
    "secret",
    "api_key",
    "apikey",
    "api-key",
    "access_token",
    "auth_token",
    "token",
    "client_secret",
    "aws_secret_access_key",
    "private_key"
  };
  private static final Pattern ASSIGNMENT =
      Pattern.compile(
          "(?i)([a-z_\\-]*(?:password|passwd|pwd|secret|api[_-]?key|token|private[_-]?key))[\"']?\\s*(?:[:=]|=>|:=)\\s*[\"']?([^\\s\"',;]{8,200})");

  private static Kind kind(String name, String prefix, String regex) {
    return new Kind(name, prefix, Pattern.compile(regex));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> detect(DetectorInput input) {
    String text = input.original();
    // prefixes are ASCII: they are searched where a byte is a char, and matched in the original
    String searched = input.text().originalLatin1();
    List<int[]> spans = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    SpanSet claimed = new SpanSet();
    for (Kind kind : KINDS) {
      // one matcher per kind and text: dense near-misses ("sk-", "AKIA") would make one each
      Matcher m = null;
      for (int at = searched.indexOf(kind.prefix());
          at >= 0;
          at = searched.indexOf(kind.prefix(), at + 1)) {
        if (at > 0
                && Character.isLetterOrDigit(text.charAt(at - 1))
                && !kind.prefix().startsWith("-")
            || !kind.canFollowPrefix(text, at + kind.prefix().length())) {
          continue;
        }
        int limit =
            Math.min(text.length(), at + (kind.name().equals("PRIVATE_KEY") ? 8400 : WINDOW));
        m = m == null ? kind.pattern().matcher(text) : m;
        m.region(at, limit);
        if (m.lookingAt() && !claimed.overlaps(at, m.end())) {
          claim(spans, kinds, claimed, at, m.end(), kind.name());
        }
      }
    }
    jwts(text, searched, spans, kinds, claimed);
    // an all-Latin-1 text is its own view: then the detectors' shared lowered copy serves
    String folded =
        searched == text ? input.text().originalAsciiLower() : NormalizedText.asciiLower(searched);
    assignments(text, folded, spans, kinds, claimed);
    CodePointOffsets offsets = CodePointOffsets.of(input);
    List<Finding> findings = new ArrayList<>(spans.size());
    for (int i = 0; i < spans.size(); i++) {
      findings.add(
          new Finding(
              NAME,
              TYPE,
              offsets.at(spans.get(i)[0]),
              offsets.at(spans.get(i)[1]),
              Severity.CRITICAL,
              1.0,
              NAME + "/" + kinds.get(i)));
    }
    return findings;
  }

  private static void claim(
      List<int[]> spans, List<String> kinds, SpanSet claimed, int start, int end, String kind) {
    spans.add(new int[] {start, end});
    kinds.add(kind);
    claimed.add(start, end);
  }

  private static void jwts(
      String text, String searched, List<int[]> spans, List<String> kinds, SpanSet claimed) {
    Matcher m = null;
    for (int at = searched.indexOf("eyJ"); at >= 0; at = searched.indexOf("eyJ", at + 1)) {
      m = m == null ? JWT.matcher(text) : m;
      m.region(at, Math.min(text.length(), at + 8192));
      if (m.lookingAt() && !claimed.overlaps(at, m.end()) && headerNamesAlgorithm(m.group())) {
        claim(spans, kinds, claimed, at, m.end(), "JWT");
        at = m.end();
      }
    }
  }

  private static boolean headerNamesAlgorithm(String token) {
    try {
      String header =
          new String(
              Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
              StandardCharsets.UTF_8);
      return header.contains("\"alg\"");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void assignments(
      String text, String folded, List<int[]> spans, List<String> kinds, SpanSet claimed) {
    Matcher m = null;
    for (String key : ASSIGNMENT_KEYS) {
      for (int at = folded.indexOf(key); at >= 0; at = folded.indexOf(key, at + key.length())) {
        int from = at;
        while (from > 0
            && at - from < 40
            && (Character.isLetterOrDigit(text.charAt(from - 1))
                || text.charAt(from - 1) == '_'
                || text.charAt(from - 1) == '-')) {
          from--;
        }
        m = m == null ? ASSIGNMENT.matcher(text) : m;
        m.region(from, Math.min(text.length(), at + WINDOW));
        if (!m.lookingAt()) {
          continue;
        }
        String value = m.group(2);
        if (Secrets.looksLikeSecret(value) && !claimed.overlaps(m.start(2), m.end(2))) {
          claim(spans, kinds, claimed, m.start(2), m.end(2), "GENERIC_ASSIGNMENT");
        }
      }
    }
  }
}
