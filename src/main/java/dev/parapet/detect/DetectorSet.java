package dev.parapet.detect;

import java.util.List;

/**
 * The detectors of one policy version, and what officers want to know about them (lexicons and
 * their term counts).
 */
public record DetectorSet(
    List<Detector> detectors,
    List<LexiconSummary> lexicons,
    LexiconSearch search,
    List<AllowlistException> allowlistExceptions) {

  public DetectorSet {
    detectors = List.copyOf(detectors);
    lexicons = List.copyOf(lexicons);
    allowlistExceptions = List.copyOf(allowlistExceptions);
  }

  /** The largest {@link Detector#holdBack()} of these detectors. */
  public int holdBack() {
    return detectors.stream().mapToInt(Detector::holdBack).max().orElse(0);
  }

  /** The largest {@link Detector#holdBackLetters()} of these detectors. */
  public int holdBackLetters() {
    return detectors.stream().mapToInt(Detector::holdBackLetters).max().orElse(0);
  }

  /** The earliest {@link Detector#openFrom(String)} of these detectors, or -1. */
  public int openFrom(String text) {
    int open = -1;
    for (Detector detector : detectors) {
      int from = detector.openFrom(text);
      if (from >= 0 && (open < 0 || from < open)) {
        open = from;
      }
    }
    return open;
  }

  /** An allowlist entry carrying an owner or an end date. */
  public record AllowlistException(
      String lexicon,
      String term,
      int line,
      String approvedBy,
      String reason,
      String expires,
      boolean inForce) {}

  /**
   * One loaded lexicon as {@code GET /v1/policies} reports it.
   *
   * @param scope {@code tenant/<id>} or {@code app/<id>} when it is searched only for that tenant
   *     or app, empty when searched for all
   */
  public record LexiconSummary(
      String name, String category, String severity, boolean allowlist, int terms, String scope) {}
}
