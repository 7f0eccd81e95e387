package dev.parapet.detect;

import java.util.List;

/**
 * The detectors of one policy version, and what officers want to know about them (lexicons and
 * their term counts).
 */
public record DetectorSet(List<Detector> detectors, List<LexiconSummary> lexicons) {

  public DetectorSet {
    detectors = List.copyOf(detectors);
    lexicons = List.copyOf(lexicons);
  }

  /** One loaded lexicon as {@code GET /v1/policies} reports it. */
  public record LexiconSummary(
      String name, String category, String severity, boolean allowlist, int terms) {}
}
