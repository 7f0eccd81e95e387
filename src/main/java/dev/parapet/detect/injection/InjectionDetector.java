package dev.parapet.detect.injection;

import dev.parapet.detect.CodePointOffsets;
import dev.parapet.detect.Detector;
import dev.parapet.detect.DetectorInput;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.text.NormalizedText;
import dev.parapet.text.Normalizer;
import dev.parapet.text.Span;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores prompt-injection and jailbreak attempts: instruction overrides, persona jailbreaks,
 * system-prompt extraction, chat-template tokens smuggled into user text, instructions hidden in
 * Unicode tag characters or base64, and, on answers, data carried out through markdown links or a
 * leaked canary. Nearby signals form one finding whose score combines them; its source names the
 * signals, never the text.
 */
public final class InjectionDetector implements Detector {

  static final String NAME = "injection";
  static final String TYPE = "PROMPT_INJECTION";
  static final double REPORT_FLOOR = 0.3;
  private static final int CLUSTER_GAP = 300;
  private static final int MAX_DECODE = 4096;

  /** {@link #MARKDOWN_URL}'s bounds on a link's text and target. */
  private static final int LINK_TEXT = 200;

  private static final int LINK_TARGET = 2048 + 8;

  private static final String[] ROLE_TOKENS = {
    "<|im_start|>",
    "<|im_end|>",
    "<|system|>",
    "<|assistant|>",
    "<|user|>",
    "[inst]",
    "[/inst]",
    "<<sys>>",
    "<</sys>>",
    "### system:",
    "### instruction:",
    "<|begin_of_text|>",
    "<|start_header_id|>",
    "<|endoftext|>",
    "<start_of_turn>"
  };
  private static final Pattern MARKDOWN_URL =
      Pattern.compile("(!?)\\[[^\\]\\n]{0,200}\\]\\((https?://[^)\\s]{1,2048})\\)");

  private static final char TAG_HIGH_SURROGATE = '\uDB40';
  private static final boolean[] BASE64_ALPHABET = base64Alphabet();

  private final Normalizer normalizer = new Normalizer();

  @Override
  public String name() {
    return NAME;
  }

  /**
   * The longest signal answer rules act on across whitespace (role tokens such as {@code ###
   * instruction:}); clustering nearby signals only raises a score towards a block, which ends a
   * stream without taking back what it released.
   */
  @Override
  public int holdBack() {
    return 48;
  }

  /** A markdown link whose text has opened but whose target has not closed may carry data out. */
  @Override
  public int openFrom(String text) {
    int open = text.lastIndexOf('[');
    if (open < 0 || !linkOpen(text, open)) {
      return -1;
    }
    return text.codePointCount(0, open > 0 && text.charAt(open - 1) == '!' ? open - 1 : open);
  }

  /** Whether the link from {@code open} could still become {@link #MARKDOWN_URL} as text comes. */
  private static boolean linkOpen(String text, int open) {
    int close = text.indexOf(']', open);
    if (close < 0) {
      return text.length() - open <= LINK_TEXT + 1;
    }
    if (close == text.length() - 1) {
      return true;
    }
    return text.charAt(close + 1) == '('
        && text.indexOf(')', close) < 0
        && text.length() - close <= LINK_TARGET + 2;
  }

  @Override
  public List<Finding> detect(DetectorInput input) {
    NormalizedText normalized = input.text();
    String original = input.original();
    CodePointOffsets offsets = CodePointOffsets.of(input);
    List<Signal> signals = new ArrayList<>();
    List<Signal> found = new ArrayList<>();
    PhraseSignals.find(normalized.text(), normalized.tokens(), found);
    for (Signal s : found) {
      Span span = normalized.toOriginal(s.start(), Math.max(s.end(), s.start() + 1));
      signals.add(new Signal(s.kind(), s.weight(), span.start(), span.end()));
    }
    roleTokens(original, offsets, signals);
    tagSmuggling(original, offsets, signals);
    base64(original, offsets, signals);
    if (input.context().isOutput()) {
      exfiltration(original, offsets, signals);
      canary(input, normalized, offsets, signals);
    }
    return clusters(signals);
  }

  private static void roleTokens(String original, CodePointOffsets offsets, List<Signal> out) {
    if (original.indexOf('<') < 0 && original.indexOf('[') < 0 && original.indexOf('#') < 0) {
      return;
    }
    String lower = NormalizedText.asciiLower(original);
    for (String token : ROLE_TOKENS) {
      for (int at = lower.indexOf(token); at >= 0; at = lower.indexOf(token, at + 1)) {
        out.add(new Signal("role-token", 0.8, offsets.at(at), offsets.at(at + token.length())));
      }
    }
  }

  /** Tag characters (U+E0000..E007F) spell invisible ASCII; the smuggling itself is a signal. */
  private void tagSmuggling(String original, CodePointOffsets offsets, List<Signal> out) {
    // every tag char starts with this high surrogate; a vectorized search skips ordinary text
    int i = original.indexOf(TAG_HIGH_SURROGATE);
    while (i >= 0) {
      if (!isTag(original.codePointAt(i))) {
        i = original.indexOf(TAG_HIGH_SURROGATE, i + 1);
        continue;
      }
      int start = i;
      StringBuilder decoded = new StringBuilder();
      while (i < original.length()) {
        int c = original.codePointAt(i);
        if (!isTag(c)) {
          break;
        }
        if (c >= 0xE0020 && c <= 0xE007E) {
          decoded.append((char) (c - 0xE0000));
        }
        i += Character.charCount(c);
      }
      if (decoded.length() >= 4) {
        int from = offsets.at(start);
        int to = offsets.at(i);
        out.add(new Signal("tag-smuggling", 0.9, from, to));
        hidden(decoded.toString(), "tag", from, to, out);
      }
      i = original.indexOf(TAG_HIGH_SURROGATE, i);
    }
  }

  private static boolean isTag(int codePoint) {
    return codePoint >= 0xE0000 && codePoint <= 0xE007F;
  }

  /** Runs of the base64 alphabet, 24 chars or longer, found in one pass without a regex. */
  private void base64(String original, CodePointOffsets offsets, List<Signal> out) {
    int n = original.length();
    int start = -1;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? original.charAt(i) : ' ';
      if (isBase64(c)) {
        if (start < 0) {
          start = i;
        }
        continue;
      }
      if (start >= 0) {
        int end = i;
        while (end < n && end - i < 2 && original.charAt(end) == '=') {
          end++;
        }
        if (i - start >= 24 && end - start <= MAX_DECODE) {
          String decoded = decode(original.substring(start, end));
          if (decoded != null) {
            hidden(decoded, "base64", offsets.at(start), offsets.at(end), out);
          }
        }
        start = -1;
      }
    }
  }

  private static boolean isBase64(char c) {
    // a table, not a chain of ranges: dense mixed text makes every branch unpredictable
    return c < 128 && BASE64_ALPHABET[c];
  }

  private static boolean[] base64Alphabet() {
    boolean[] in = new boolean[128];
    for (char c :
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray()) {
      in[c] = true;
    }
    return in;
  }

  /** Scans text that was hidden (decoded), placing what it finds on the hiding span. */
  private void hidden(String decoded, String how, int from, int to, List<Signal> out) {
    List<Signal> inner = new ArrayList<>();
    PhraseSignals.find(normalizer.normalize(decoded).text(), inner);
    String lower = NormalizedText.asciiLower(decoded);
    for (String token : ROLE_TOKENS) {
      if (lower.contains(token)) {
        inner.add(new Signal("role-token", 0.8, 0, 0));
      }
    }
    for (Signal s : inner) {
      out.add(new Signal(how + "-" + s.kind(), Math.max(0.8, s.weight()), from, to));
    }
  }

  private static String decode(String run) {
    byte[] bytes;
    try {
      bytes =
          Base64.getDecoder()
              .decode(run.length() % 4 == 0 ? run : run + "=".repeat((4 - run.length() % 4) % 4));
    } catch (IllegalArgumentException e) {
      return null;
    }
    int printable = 0;
    for (byte b : bytes) {
      if (b >= 0x20 && b < 0x7f || b == '\n' || b == '\t' || b < 0) {
        printable++;
      }
    }
    return bytes.length > 8 && printable >= bytes.length * 0.9
        ? new String(bytes, StandardCharsets.UTF_8)
        : null;
  }

  /** A markdown image (or link) whose query string carries data out of the conversation. */
  private static void exfiltration(String original, CodePointOffsets offsets, List<Signal> out) {
    if (!original.contains("](")) {
      return;
    }
    Matcher m = MARKDOWN_URL.matcher(original);
    while (m.find()) {
      String url = m.group(2);
      int q = url.indexOf('?');
      if (q < 0) {
        continue;
      }
      String query = url.substring(q + 1);
      boolean heavy = query.length() >= 30 || query.contains("%20") || query.contains("+");
      if (heavy) {
        boolean image = !m.group(1).isEmpty();
        out.add(
            new Signal(
                image ? "exfiltration" : "exfiltration-link",
                image ? 0.85 : 0.6,
                offsets.at(m.start()),
                offsets.at(m.end())));
      }
    }
  }

  private void canary(
      DetectorInput input, NormalizedText normalized, CodePointOffsets offsets, List<Signal> out) {
    String canary = input.context().value("canary");
    if (canary.length() < 6) {
      return;
    }
    String original = input.original();
    for (int at = original.indexOf(canary); at >= 0; at = original.indexOf(canary, at + 1)) {
      out.add(new Signal("canary-leak", 1.0, offsets.at(at), offsets.at(at + canary.length())));
    }
    String folded = normalizer.normalize(canary).text();
    String text = normalized.text();
    for (int at = text.indexOf(folded);
        at >= 0 && !folded.isEmpty();
        at = text.indexOf(folded, at + 1)) {
      Span span = normalized.toOriginal(at, at + folded.length());
      out.add(new Signal("canary-leak", 1.0, span.start(), span.end()));
    }
  }

  private static List<Finding> clusters(List<Signal> signals) {
    if (signals.isEmpty()) {
      return List.of();
    }
    signals.sort(Comparator.comparingInt(Signal::start));
    List<Finding> findings = new ArrayList<>();
    List<Signal> cluster = new ArrayList<>();
    int clusterEnd = -1;
    for (Signal s : signals) {
      if (!cluster.isEmpty() && s.start() > clusterEnd + CLUSTER_GAP) {
        emit(cluster, findings);
        cluster.clear();
      }
      cluster.add(s);
      clusterEnd = Math.max(clusterEnd, s.end());
    }
    emit(cluster, findings);
    return findings;
  }

  /** Every distinct signal counts as independent evidence; the kinds name the finding's source. */
  private static void emit(List<Signal> cluster, List<Finding> out) {
    Map<String, Double> strongest = new TreeMap<>();
    java.util.Set<Signal> distinct = new java.util.LinkedHashSet<>(cluster);
    int start = Integer.MAX_VALUE;
    int end = 0;
    double miss = 1.0;
    for (Signal s : distinct) {
      strongest.merge(s.kind(), s.weight(), Math::max);
      start = Math.min(start, s.start());
      end = Math.max(end, s.end());
      miss *= 1.0 - s.weight();
    }
    double score = Math.round((1.0 - miss) * 1000) / 1000.0;
    if (score < REPORT_FLOOR) {
      return;
    }
    Severity severity =
        score >= 0.9 ? Severity.CRITICAL : score >= 0.7 ? Severity.HIGH : Severity.MEDIUM;
    out.add(
        new Finding(
            NAME,
            TYPE,
            start,
            Math.max(end, start),
            severity,
            score,
            NAME + "/" + String.join("+", new TreeSet<>(strongest.keySet()))));
  }
}
