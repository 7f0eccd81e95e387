package dev.parapet.detect.injection;

import dev.parapet.detect.CodePointOffsets;
import dev.parapet.detect.Detector;
import dev.parapet.detect.DetectorInput;
import dev.parapet.detect.injection.classifier.InjectionClassifier;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.text.NormalizedText;
import dev.parapet.text.Normalizer;
import dev.parapet.text.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores prompt-injection and jailbreak attempts from signals of several families
 * (docs/injection.md): instruction overrides, persona jailbreaks, refusal suppression, prefix
 * forcing, fake roles and turns, prompt leaking, instructions hidden in encodings, instructions
 * planted in documents, and, on answers, data carried out through markdown links or a leaked
 * canary. Nearby signals form one finding whose score {@link InjectionScore} combines; the finding
 * keeps the signals' names as its evidence, never the text.
 */
public final class InjectionDetector implements Detector {

  static final String NAME = "injection";
  static final String TYPE = "PROMPT_INJECTION";
  static final double REPORT_FLOOR = 0.3;
  private static final int CLUSTER_GAP = 500;

  /** {@link #MARKDOWN_URL}'s bounds on a link's text and target. */
  private static final int LINK_TEXT = 200;

  private static final int LINK_TARGET = 2048 + 8;

  private static final Pattern MARKDOWN_URL =
      Pattern.compile("(!?)\\[[^\\]\\n]{0,200}\\]\\((https?://[^)\\s]{1,2048})\\)");

  private final Normalizer normalizer = new Normalizer();
  private final InjectionClassifier classifier;

  /** The detector with the classifier Parapet ships. */
  public InjectionDetector() {
    this(ShippedClassifier.MODEL);
  }

  /** The detector with another classifier (leave-one-source-out measures it so). */
  public InjectionDetector(InjectionClassifier classifier) {
    this.classifier = classifier;
  }

  /** Loaded once, on first use, and shared: the weights are immutable. */
  private static final class ShippedClassifier {
    static final InjectionClassifier MODEL = InjectionClassifier.shipped();
  }

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
    return findings(signals(input));
  }

  /** Every signal in the text, at code point offsets of the original. */
  List<Signal> signals(DetectorInput input) {
    NormalizedText normalized = input.text();
    String original = input.original();
    CodePointOffsets offsets = CodePointOffsets.of(input);
    List<Signal> found = new ArrayList<>();
    String text = normalized.text();
    PhraseSignals.find(text, normalized.tokens(), found);
    ScriptPhrases.find(text, found);
    PlantedInstructions.find(text, normalized.tokens(), input.context().fromOutside(), found);
    List<Signal> signals = new ArrayList<>(found.size() + 4);
    for (Signal s : found) {
      Span span = normalized.toOriginal(s.start(), Math.max(s.end(), s.start() + 1));
      signals.add(s.at(span.start(), span.end()));
    }
    List<Signal> raw = new ArrayList<>();
    RoleMarkers.find(input.text().originalAsciiLower(), raw);
    EncodedRuns.find(original, (how, decoded, from, to) -> hidden(how, decoded, from, to, raw));
    for (Signal s : raw) {
      signals.add(s.at(offsets.at(s.start()), offsets.at(s.end())));
    }
    classifier(original, offsets, signals);
    if (input.context().isOutput()) {
      exfiltration(original, offsets, signals);
      canary(input, normalized, offsets, signals);
    }
    return Discussion.weigh(normalized.originalAsciiLower(), signals, offsets::at);
  }

  /** The classifier's worst window, a witness where its probability is worth anything. */
  private void classifier(String original, CodePointOffsets offsets, List<Signal> out) {
    InjectionClassifier.Window window = classifier.worstWindow(original);
    double weight = InjectionScore.classifierWeight(classifier.probability(window.margin()));
    if (weight > 0) {
      out.add(
          new Signal(
              SignalKind.CLASSIFIER, weight, offsets.at(window.start()), offsets.at(window.end())));
    }
  }

  /** Scans text that was hidden (decoded), placing what it finds on the hiding span. */
  private void hidden(Decoding how, String decoded, int from, int to, List<Signal> out) {
    if (how == Decoding.TAG) {
      out.add(new Signal(SignalKind.TAG_SMUGGLING, 0.9, from, to));
    } else if (how != Decoding.ROT13 && EncodedRuns.words(decoded)) {
      // a hidden question or order is what encodings smuggle; a hidden statement is less telling
      out.add(
          new Signal(SignalKind.ENCODED_TEXT, EncodedRuns.request(decoded) ? 0.5 : 0.35, from, to));
    } else if (how == Decoding.ROT13 && EncodedRuns.readsBetterRotated(decoded)) {
      out.add(new Signal(SignalKind.ENCODED_TEXT, 0.5, from, to));
    }
    List<Signal> inner = new ArrayList<>();
    NormalizedText plain = normalizer.normalize(decoded);
    PhraseSignals.find(plain.text(), plain.tokens(), inner);
    ScriptPhrases.find(plain.text(), inner);
    RoleMarkers.find(plain.originalAsciiLower(), inner);
    for (Signal s : inner) {
      out.add(new Signal(s.kind(), how, s.weight(), from, to));
    }
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
                image ? SignalKind.EXFILTRATION : SignalKind.EXFILTRATION_LINK,
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
      out.add(
          new Signal(
              SignalKind.CANARY_LEAK, 1.0, offsets.at(at), offsets.at(at + canary.length())));
    }
    String folded = normalizer.normalize(canary).text();
    String text = normalized.text();
    for (int at = text.indexOf(folded);
        at >= 0 && !folded.isEmpty();
        at = text.indexOf(folded, at + 1)) {
      Span span = normalized.toOriginal(at, at + folded.length());
      out.add(new Signal(SignalKind.CANARY_LEAK, 1.0, span.start(), span.end()));
    }
  }

  /** Nearby signals grouped, each group one finding where its score reaches the floor. */
  static List<Finding> findings(List<Signal> signals) {
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

  /** A signal as the finding's evidence names it; the classifier's with its probability. */
  private static String evidence(Signal s) {
    if (s.kind() != SignalKind.CLASSIFIER) {
      return s.wireName();
    }
    return String.format(
        Locale.ROOT, "%s:%.2f", s.wireName(), InjectionScore.classifierProbability(s.weight()));
  }

  /** One finding over a cluster, scored by {@link InjectionScore}, its signals as evidence. */
  private static void emit(List<Signal> cluster, List<Finding> out) {
    double score = InjectionScore.of(cluster);
    if (score < REPORT_FLOOR) {
      return;
    }
    int start = Integer.MAX_VALUE;
    int end = 0;
    Set<String> kinds = new TreeSet<>();
    // the classifier's window says where only when no signal says it more precisely
    boolean located = cluster.stream().anyMatch(s -> s.kind() != SignalKind.CLASSIFIER);
    for (Signal s : cluster) {
      if (!located || s.kind() != SignalKind.CLASSIFIER) {
        start = Math.min(start, s.start());
        end = Math.max(end, s.end());
      }
      kinds.add(s.wireName());
    }
    List<Signal> strongestFirst = new ArrayList<>(cluster);
    strongestFirst.sort(Comparator.comparingDouble(InjectionScore::weight).reversed());
    Set<String> evidence = new LinkedHashSet<>();
    strongestFirst.forEach(s -> evidence.add(evidence(s)));
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
                NAME + "/" + String.join("+", kinds))
            .withSignals(List.copyOf(evidence)));
  }
}
