package dev.parapet.check;

import dev.parapet.detect.Detector;
import dev.parapet.detect.DetectorInput;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.RuleError;
import dev.parapet.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
   * @param chunk the most code points scanned at once
   * @param overlap code points shared by neighbouring chunks: longer than any term or identifier
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
    if (!isLong(length)) {
      List<Finding> findings = scan(detectors, text, 0, context, errors);
      return new Result(findings, errors, Coverage.whole(length));
    }
    Set<Finding> findings = new LinkedHashSet<>();
    int start = 0;
    int startChar = 0;
    int checkedEnd = 0;
    while (checkedEnd < length) {
      if (System.nanoTime() - deadlineNanos > 0) {
        return new Result(
            new ArrayList<>(findings), errors, new Coverage(checkedEnd, length, true));
      }
      int end = Math.min(length, start + chunk);
      int endChar = text.offsetByCodePoints(startChar, end - start);
      findings.addAll(scan(detectors, text.substring(startChar, endChar), start, context, errors));
      checkedEnd = end;
      if (end < length) {
        int next = end - overlap;
        startChar = text.offsetByCodePoints(startChar, next - start);
        start = next;
      }
    }
    return new Result(new ArrayList<>(findings), errors, Coverage.whole(length));
  }

  private List<Finding> scan(
      List<Detector> detectors,
      String part,
      int offset,
      CheckContext context,
      List<RuleError> errors) {
    DetectorInput input = new DetectorInput(normalizer.normalize(part), context);
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
    return new Finding(
        f.detector(),
        f.type(),
        f.start() + offset,
        f.end() + offset,
        f.severity(),
        f.score(),
        f.source());
  }
}
