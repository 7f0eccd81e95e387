package dev.parapet.detect.pii;

import dev.parapet.detect.CodePointOffsets;
import dev.parapet.detect.Detector;
import dev.parapet.detect.DetectorInput;
import dev.parapet.detect.SpanSet;
import dev.parapet.model.Finding;
import dev.parapet.model.InvalidPolicyException;
import dev.parapet.model.Severity;
import dev.parapet.text.NormalizedText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data: validated identifiers (cards, IBANs, national ids with their check digits),
 * phone numbers, emails, URLs, IP and crypto addresses, and the recognizers officers add in {@code
 * rules/recognizers/*.yaml}. Context words near a candidate raise its score; weak shapes need one.
 * Offsets are code points of the original text.
 */
public final class PiiDetector implements Detector {

  static final String NAME = "pii";
  static final double CONTEXT_BOOST = 0.35;
  static final double REPORT_FLOOR = 0.4;
  static final double CONTEXT_PENALTY = 0.3;

  /** Words that make a number likelier to be a business reference than personal data. */
  static final List<String> NEGATIVE_CONTEXT =
      List.of(
          "order",
          "invoice",
          "tracking",
          "isbn",
          "ticket",
          "serial",
          "sku",
          "reference",
          "part no");

  /** Whether a shape's context words occur anywhere in the text: not looked up yet, yes, no. */
  private static final byte UNKNOWN = 0;

  private static final byte PRESENT = 1;
  private static final byte ABSENT = 2;

  private static final int CONTEXT_BEFORE = 48;
  private static final int CONTEXT_AFTER = 16;
  private static final Pattern NINO =
      Pattern.compile(
          "(?<![A-Za-z0-9])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D](?![A-Za-z0-9])");
  private static final java.util.Set<String> NINO_BANNED =
      java.util.Set.of("BG", "GB", "NK", "KN", "TN", "NT", "ZZ");
  private static final Pattern CVV =
      Pattern.compile("(?i)(?:cvv2?|cvc2?|csc|security code)\\D{0,12}(\\d{3,4})(?!\\d)");

  private static final List<String> CVV_WORDS = List.of("cvv", "cvc", "csc", "security code");

  private final BuiltInShapes shapes = BuiltInShapes.get();
  private final List<OfficerRecognizer> officers;

  private PiiDetector(List<OfficerRecognizer> officers) {
    this.officers = List.copyOf(officers);
  }

  BuiltInShapes builtInShapes() {
    return shapes;
  }

  /**
   * The built-in recognizers plus those in {@code rulesDir/recognizers/*.yaml}.
   *
   * @throws InvalidPolicyException naming the file and line of a bad recognizer
   */
  public static PiiDetector load(Path rulesDir) {
    return new PiiDetector(OfficerRecognizer.load(rulesDir.resolve("recognizers")));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> detect(DetectorInput input) {
    String text = input.original();
    CodePointOffsets offsets = CodePointOffsets.of(input);
    NormalizedText normalized = input.text();
    String lower = normalized.originalAsciiLower();
    List<Finding> out = new ArrayList<>();
    SpanSet taken = new SpanSet();
    emails(text, offsets, out, taken);
    urls(text, offsets, out, taken);
    ipv6(text, offsets, out, taken);
    ibans(text, offsets, out, taken);
    ninos(text, lower, offsets, out, taken);
    Matcher[] matchers = shapes.matchers();
    for (Matcher m : matchers) {
      if (m != null) {
        m.reset(text);
      }
    }
    byte[] contextInText = new byte[matchers.length + 1]; // the last: the negative context
    try {
      for (int[] run : Candidates.of(text)) {
        if (!overlaps(taken, run[0], run[1])) {
          candidate(matchers, contextInText, text, normalized, run, offsets, out, taken);
        }
      }
    } finally {
      for (Matcher m : matchers) {
        if (m != null) {
          m.reset(""); // a pooled matcher must not keep a large text alive
        }
      }
    }
    cvv(text, normalized, offsets, out, taken);
    for (OfficerRecognizer officer : officers) {
      officer.find(text, lower, offsets, out, taken);
    }
    return out;
  }

  /**
   * @param contextInText per shape (and last, for the negative context), whether any of its context
   *     words occurs anywhere in the text (1 yes, 2 no, 0 not looked up yet): without one, no
   *     window is searched, and a shape that needs context is not even tried
   */
  private void candidate(
      Matcher[] matchers,
      byte[] contextInText,
      String text,
      NormalizedText normalized,
      int[] run,
      CodePointOffsets offsets,
      List<Finding> out,
      SpanSet taken) {
    String lower = normalized.originalAsciiLower();
    String value = null;
    Recognizer best = null;
    int bestIndex = -1;
    double bestScore = 0;
    char first = text.charAt(run[0]);
    int length = run[1] - run[0];
    for (int i : shapes.worthTrying(first, length)) {
      if (!shapes.bounds[i].admits(length, run[2])) {
        continue;
      }
      Recognizer r = shapes.recognizers.get(i);
      if (r.needsContext() && contextInText[i] == ABSENT) {
        continue;
      }
      if (shapes.automata[i] != null
          ? !shapes.automata[i].matches(text, run[0], run[1])
          : !matchers[i].region(run[0], run[1]).matches()) {
        continue;
      }
      if (value == null) {
        value = text.substring(run[0], run[1]);
      }
      if (!r.validator().test(value)) {
        continue;
      }
      // whether the text holds a context word at all is asked only now, of a shape that matched:
      // each asking is a search of the whole text per word
      boolean near =
          anyContextIn(normalized, r.context(), contextInText, i)
              && hasContext(lower, run[0], run[1], r.context());
      if (r.needsContext() && !near) {
        continue;
      }
      double score = Math.min(1.0, r.score() + (near ? CONTEXT_BOOST : 0));
      if (!near
          && anyContextIn(normalized, NEGATIVE_CONTEXT, contextInText, matchers.length)
          && hasContext(lower, run[0], run[1], NEGATIVE_CONTEXT)) {
        score -= CONTEXT_PENALTY; // "order 4111…": a number in a business document
      }
      if (score > bestScore) {
        best = r;
        bestIndex = i;
        bestScore = score;
      }
    }
    if (best != null && bestScore >= REPORT_FLOOR) {
      add(
          out,
          taken,
          offsets,
          run[0],
          run[1],
          best.type(),
          best.severity(),
          bestScore,
          shapes.sources[bestIndex]);
    }
  }

  private static boolean anyContextIn(
      NormalizedText text, List<String> words, byte[] known, int shape) {
    if (known[shape] == UNKNOWN) {
      known[shape] = containsAny(text, words) ? PRESENT : ABSENT;
    }
    return known[shape] == PRESENT;
  }

  /**
   * Whether any of the lowercase {@code words} occurs in the text, in any case of ASCII letters.
   */
  private static boolean containsAny(NormalizedText text, List<String> words) {
    for (String word : words) {
      if (isLatin1(word)
          ? text.originalLatin1AsciiLower().contains(word)
          : text.originalAsciiLower().contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLatin1(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (word.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }

  static boolean hasContext(String lower, int start, int end, List<String> words) {
    int from = Math.max(0, start - CONTEXT_BEFORE);
    int to = Math.min(lower.length(), end + CONTEXT_AFTER);
    // only the window is searched: to the end of the text per candidate would be quadratic
    for (String word : words) {
      char first = word.charAt(0);
      for (int at = from; at <= to - word.length(); at++) {
        if (lower.charAt(at) == first
            && lower.regionMatches(at + 1, word, 1, word.length() - 1)
            && (at + word.length() <= start || at >= end)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void emails(
      String text, CodePointOffsets offsets, List<Finding> out, SpanSet taken) {
    for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      int start = at;
      while (start > 0 && at - start < 64 && isEmailLocal(text.charAt(start - 1))) {
        start--;
      }
      int end = at + 1;
      while (end < text.length() && end - at < 255 && isEmailDomain(text.charAt(end))) {
        end++;
      }
      while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
        end--;
      }
      // the local part is already a run of its allowed chars; the domain is checked in place
      if (start < at && isEmailDomainName(text, at + 1, end)) {
        add(
            out,
            taken,
            offsets,
            start,
            end,
            "EMAIL_ADDRESS",
            Severity.MEDIUM,
            1.0,
            NAME + "/email");
      }
    }
  }

  private static void urls(
      String text, CodePointOffsets offsets, List<Finding> out, SpanSet taken) {
    for (String scheme : new String[] {"https://", "http://", "www."}) {
      for (int at = text.indexOf(scheme); at >= 0; at = text.indexOf(scheme, at + 1)) {
        if (overlaps(taken, at, at + 1) || at > 0 && Candidates.isAlnum(text.charAt(at - 1))) {
          continue;
        }
        int end = at + scheme.length();
        while (end < text.length() && end - at < 2048 && isUrlChar(text.charAt(end))) {
          end++;
        }
        while (end > at && ".,;:!?)]}'\"".indexOf(text.charAt(end - 1)) >= 0) {
          end--;
        }
        if (end - at > scheme.length() + 3
            && text.substring(at + scheme.length(), end).contains(".")) {
          add(out, taken, offsets, at, end, "URL", Severity.LOW, 0.85, NAME + "/url");
        }
      }
    }
  }

  private static void ipv6(
      String text, CodePointOffsets offsets, List<Finding> out, SpanSet taken) {
    for (int at = text.indexOf(':'); at >= 0; at = text.indexOf(':', at + 1)) {
      int start = at;
      while (start > 0 && at - start < 40 && isHexOrColon(text.charAt(start - 1))) {
        start--;
      }
      int end = at;
      while (end < text.length() && end - start < 45 && isHexOrColon(text.charAt(end))) {
        end++;
      }
      String value = text.substring(start, end);
      if (!overlaps(taken, start, end) && isIpv6(value)) {
        add(out, taken, offsets, start, end, "IP_ADDRESS", Severity.LOW, 0.85, NAME + "/ipv6");
      }
      at = Math.max(at, end);
    }
  }

  /** IBANs are printed in groups of four, letters included, which candidate runs do not join. */
  private static void ibans(
      String text, CodePointOffsets offsets, List<Finding> out, SpanSet taken) {
    int n = text.length();
    for (int start = 0; start + 4 < n; start++) {
      // a cheap look at four chars before any matching: two capitals, two digits, at a word start
      if (!isUpper(text.charAt(start))
          || !isUpper(text.charAt(start + 1))
          || !Candidates.isDigit(text.charAt(start + 2))
          || !Candidates.isDigit(text.charAt(start + 3))
          || start > 0 && Candidates.isAlnum(text.charAt(start - 1))) {
        continue;
      }
      int end = Math.min(n, start + 42);
      int stop = start + 4;
      for (int i = start + 4; i < end; i++) {
        char c = text.charAt(i);
        if (Candidates.isAlnum(c)) {
          stop = i + 1;
        } else if (c != ' ' || i + 1 >= end || !Candidates.isAlnum(text.charAt(i + 1))) {
          break;
        }
      }
      for (int e = stop; e > start + 14; e--) {
        if (Candidates.isAlnum(text.charAt(e - 1))
            && !overlaps(taken, start, e)
            && Checksums.iban(text.substring(start, e))) {
          add(out, taken, offsets, start, e, "IBAN_CODE", Severity.HIGH, 1.0, NAME + "/iban");
          break;
        }
      }
    }
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  /** UK National Insurance numbers, often printed in pairs: "QQ 12 34 56 C". */
  private static void ninos(
      String text, String lower, CodePointOffsets offsets, List<Finding> out, SpanSet taken) {
    Matcher m = NINO.matcher(text).useTransparentBounds(true);
    int n = text.length();
    for (int at = 0; at + 8 < n; at++) {
      char next = text.charAt(at + 2);
      if (!isUpper(text.charAt(at))
          || !isUpper(text.charAt(at + 1))
          || !(Candidates.isDigit(next)
              || next == ' ' && Candidates.isDigit(text.charAt(at + 3)))) {
        continue;
      }
      m.region(at, Math.min(n, at + 16));
      if (!m.lookingAt()) {
        continue;
      }
      String prefix = m.group(1).toUpperCase(java.util.Locale.ROOT);
      if (NINO_BANNED.contains(prefix) || overlaps(taken, m.start(), m.end())) {
        continue;
      }
      boolean near =
          hasContext(lower, m.start(), m.end(), List.of("national insurance", "nino", "ni number"));
      add(
          out,
          taken,
          offsets,
          m.start(),
          m.end(),
          "UK_NINO",
          Severity.HIGH,
          near ? 1.0 : 0.7,
          NAME + "/uk-nino");
    }
  }

  static boolean isIpv6(String s) {
    if (s.length() < 3 || s.chars().filter(c -> c == ':').count() < 2) {
      return false;
    }
    int compress = s.indexOf("::");
    if (compress >= 0 && s.indexOf("::", compress + 1) >= 0) {
      return false;
    }
    String[] groups = s.split(":", -1);
    int nonEmpty = 0;
    for (String g : groups) {
      if (g.length() > 4) {
        return false;
      }
      nonEmpty += g.isEmpty() ? 0 : 1;
    }
    boolean hasLetterOrZero = s.chars().anyMatch(c -> Character.isLetter(c) || c == '0');
    return compress >= 0 ? nonEmpty <= 7 && nonEmpty >= 1 && hasLetterOrZero : nonEmpty == 8;
  }

  /** A card's security code counts only next to a card and behind a label. */
  private static void cvv(
      String text,
      NormalizedText normalized,
      CodePointOffsets offsets,
      List<Finding> out,
      SpanSet taken) {
    if (out.stream().noneMatch(f -> f.type().equals("CREDIT_CARD"))
        || !containsAny(normalized, CVV_WORDS)) {
      return; // the case-insensitive regex over the whole text is the expensive part
    }
    Matcher m = CVV.matcher(text);
    while (m.find()) {
      if (!overlaps(taken, m.start(1), m.end(1))) {
        add(out, taken, offsets, m.start(1), m.end(1), "CVV", Severity.HIGH, 0.9, NAME + "/cvv");
      }
    }
  }

  static void add(
      List<Finding> out,
      SpanSet taken,
      CodePointOffsets offsets,
      int start,
      int end,
      String type,
      Severity severity,
      double score,
      String source) {
    taken.add(start, end);
    out.add(
        new Finding(
            NAME,
            type,
            offsets.at(start),
            offsets.at(end),
            severity,
            Math.round(score * 100) / 100.0,
            source));
  }

  static boolean overlaps(SpanSet taken, int start, int end) {
    return taken.overlaps(start, end);
  }

  private static boolean isEmailLocal(char c) {
    return Candidates.isAlnum(c) || "._%+-".indexOf(c) >= 0;
  }

  /**
   * Whether {@code text[from, to)} is a host name: dot-separated labels of 1 to 63 letters, digits
   * and inner hyphens, at least two of them, the last 2 to 24 letters.
   */
  static boolean isEmailDomainName(String text, int from, int to) {
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

  private static boolean isEmailDomain(char c) {
    return Candidates.isAlnum(c) || c == '.' || c == '-';
  }

  private static boolean isUrlChar(char c) {
    return c > ' ' && c < 127 && "<>\"'`{}|\\^".indexOf(c) < 0;
  }

  private static boolean isHexOrColon(char c) {
    return c == ':' || c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}
