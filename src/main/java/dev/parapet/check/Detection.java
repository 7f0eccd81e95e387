package dev.parapet.check;

import dev.parapet.detect.Detector;
import dev.parapet.detect.DetectorInput;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.RuleError;
import dev.parapet.text.NormalizedText;
import dev.parapet.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs every detector over a text. Long texts are scanned in overlapping chunks, with the time
 * budget checked between chunks, so a huge text ends with a known checked prefix instead of a hang;
 * the overlap catches what straddles a chunk boundary.
 */
final class Detection {

  /** Findings, failures, and how far the text was checked. */
  record Result(List<Finding> findings, List<RuleError> errors, Coverage coverage) {}

  private final Normalizer normalizer;
  private final int chunk;
  private final int overlap;

  /**
   * @param chunk the most normalized chars scanned at once
   * @param overlap chars shared by neighbouring chunks: longer than any term or identifier
   */
  Detection(Normalizer normalizer, int chunk, int overlap) {
    if (overlap >= chunk) {
      throw new IllegalArgumentException("overlap must be shorter than a chunk");
    }
    this.normalizer = normalizer;
    this.chunk = chunk;
    this.overlap = overlap;
  }

  boolean isLong(int textLength) {
    return textLength > chunk;
  }

  Result run(List<Detector> detectors, String text, CheckContext context, long deadlineNanos) {
    int length = context.textLength();
    List<RuleError> errors = new ArrayList<>();
    NormalizedText whole = normalizer.normalize(text);
    int size = whole.text().length();
    if (size <= chunk) {
      return new Result(scan(detectors, whole, 0, context, errors), errors, Coverage.whole(length));
    }
    // chunks are cut in the normalized text, so padding with invisible characters cannot push
    // two halves of a term into different chunks
    List<Finding> findings = new ArrayList<>();
    // a finding is found twice only inside the overlap of two neighbouring chunks: the last
    // chunk's findings there are all that a new one needs comparing with
    Set<Finding> inOverlap = Set.of();
    // where the last chunk's original ends: a finding starting there or later cannot repeat one
    int overlapEndCp = 0;
    int from = 0;
    int fromCp = 0;
    int fromChar = 0;
    int checkedEnd = 0;
    while (from < size) {
      if (System.nanoTime() - deadlineNanos > 0) {
        return new Result(findings, errors, new Coverage(checkedEnd, length, true));
      }
      int to = Math.min(size, from + chunk);
      int startCp = whole.originalStart(from);
      fromChar = whole.originalCharAfter(fromChar, startCp - fromCp);
      fromCp = startCp;
      NormalizedText part = whole.slice(from, to, fromChar);
      int nextStartCp = to == size ? Integer.MAX_VALUE : whole.originalStart(to - overlap);
      Set<Finding> nextOverlap = new HashSet<>();
      for (Finding f : scan(detectors, part, startCp, context, errors)) {
        if (f.start() >= overlapEndCp || !inOverlap.contains(f)) {
          findings.add(f);
        }
        if (f.start() >= nextStartCp) {
          nextOverlap.add(f);
        }
      }
      inOverlap = nextOverlap;
      overlapEndCp = startCp + part.originalLength();
      checkedEnd = to == size ? length : Math.max(checkedEnd, whole.originalStart(to));
      if (to == size) {
        break;
      }
      from = to - overlap;
    }
    return new Result(findings, errors, Coverage.whole(length));
  }

  private static List<Finding> scan(
      List<Detector> detectors,
      NormalizedText part,
      int offset,
      CheckContext context,
      List<RuleError> errors) {
    DetectorInput input = new DetectorInput(part, context);
    List<Finding> found = new ArrayList<>();
    for (Detector detector : detectors) {
      try {
        for (Finding f : detector.detect(input)) {
          found.add(offset == 0 ? f : shift(f, offset));
        }
      } catch (RuntimeException e) {
        // the message could quote the text, so only the failure's kind is kept
        RuleError error =
            new RuleError(
                "detect",
                "detect/" + detector.name(),
                e.getClass().getSimpleName() + " in the " + detector.name() + " detector");
        if (!errors.contains(error)) {
          errors.add(error);
        }
      }
    }
    return found;
  }

  private static Finding shift(Finding f, int offset) {
    return f.at(f.start() + offset, f.end() + offset);
  }
}
