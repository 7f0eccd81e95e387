package dev.parapet.model;

import java.util.List;
import java.util.Objects;

/**
 * Something a detector found in the text: what it is and where, as Unicode code point offsets into
 * the original text ({@code end} exclusive). Never carries the matched text itself.
 *
 * @param detector the detector family: {@code lexicon}, {@code pii}, {@code secret}, {@code
 *     injection}
 * @param type the finding type in UPPER_SNAKE_CASE, such as {@code EMAIL_ADDRESS} or {@code
 *     PROFANITY}
 * @param source which recognizer or lexicon produced it, such as {@code pii/email}
 * @param via when what was found is not in the text as sent but only in a normalized reading of it,
 *     which normalizations it took ({@code confusable}, {@code separators}, {@code leet}, ...);
 *     empty otherwise. Rules may treat a disguised finding more harshly.
 * @param message in a conversation, the index of the message it sits in; -1 for a plain text or a
 *     document
 * @param toolCall the index of the tool call among its message's calls when it sits in the call's
 *     arguments, else -1
 * @param path where it sits in the tool call's parsed arguments, a JSON pointer such as {@code
 *     /to/0}; empty outside tool-call arguments
 * @param document the id of the retrieved document it sits in, or the empty string
 * @param trust who the text it sits in comes from; {@code USER} for a plain text
 * @param signals the evidence a scoring detector combined into {@code score}, by wire name (such as
 *     {@code override} or {@code base64-override}), strongest first; never the text. Empty for
 *     detectors that match one thing.
 */
public record Finding(
    String detector,
    String type,
    int start,
    int end,
    Severity severity,
    double score,
    String source,
    List<String> via,
    int message,
    int toolCall,
    String path,
    String document,
    Trust trust,
    List<String> signals) {

  public Finding {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(source, "source");
    via = List.copyOf(via);
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(trust, "trust");
    signals = List.copyOf(signals);
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }

  /** A finding found in a plain text as sent, as detectors report it. */
  public Finding(
      String detector,
      String type,
      int start,
      int end,
      Severity severity,
      double score,
      String source) {
    this(detector, type, start, end, severity, score, source, List.of());
  }

  /** A finding in a plain text, found through the normalizations {@code via}. */
  public Finding(
      String detector,
      String type,
      int start,
      int end,
      Severity severity,
      double score,
      String source,
      List<String> via) {
    this(
        detector,
        type,
        start,
        end,
        severity,
        score,
        source,
        via,
        -1,
        -1,
        "",
        "",
        Trust.USER,
        List.of());
  }

  /** A finding in a conversation, found in the text as sent. */
  public Finding(
      String detector,
      String type,
      int start,
      int end,
      Severity severity,
      double score,
      String source,
      int message,
      int toolCall,
      String path,
      String document,
      Trust trust) {
    this(
        detector, type, start, end, severity, score, source, List.of(), message, toolCall, path,
        document, trust, List.of());
  }

  /** Whether it was found only through a normalization of the text: a disguised term. */
  public boolean obfuscated() {
    return !via.isEmpty();
  }

  /** The same finding with another {@code via}. */
  public Finding withVia(List<String> newVia) {
    return new Finding(
        detector, type, start, end, severity, score, source, newVia, message, toolCall, path,
        document, trust, signals);
  }

  /** The same finding at other offsets. */
  public Finding at(int newStart, int newEnd) {
    return new Finding(
        detector, type, newStart, newEnd, severity, score, source, via, message, toolCall, path,
        document, trust, signals);
  }

  /**
   * This finding placed in a conversation: moved by {@code shift} code points and told where it
   * sits.
   */
  public Finding located(
      int shift, int inMessage, int inToolCall, String atPath, String inDocument, Trust from) {
    return new Finding(
        detector,
        type,
        start + shift,
        end + shift,
        severity,
        score,
        source,
        via,
        inMessage,
        inToolCall,
        atPath,
        inDocument,
        from,
        signals);
  }

  /** The same finding with the evidence that scored it. */
  public Finding withSignals(List<String> evidence) {
    return new Finding(
        detector, type, start, end, severity, score, source, via, message, toolCall, path, document,
        trust, evidence);
  }

  /** Whether it sits in a conversation or a document rather than in a plain text. */
  public boolean inConversation() {
    return message >= 0 || !document.isEmpty();
  }

  public int length() {
    return end - start;
  }

  public boolean overlaps(Finding other) {
    return start < other.end && other.start < end;
  }

  public boolean within(int from, int to) {
    return start >= from && end <= to;
  }
}
