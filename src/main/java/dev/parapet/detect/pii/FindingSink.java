package dev.parapet.detect.pii;

import dev.parapet.detect.CodePointOffsets;
import dev.parapet.detect.SpanSet;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Where every scanner reports: it turns UTF-16 spans into code-point offsets of the original text
 * and remembers what is taken, so that one span is reported once.
 */
final class FindingSink {

  private final CodePointOffsets offsets;
  private final SpanSet taken = new SpanSet();
  private final List<Finding> out = new ArrayList<>();

  FindingSink(CodePointOffsets offsets) {
    this.offsets = offsets;
  }

  boolean overlaps(int start, int end) {
    return taken.overlaps(start, end);
  }

  boolean has(String type) {
    for (Finding f : out) {
      if (f.type().equals(type)) {
        return true;
      }
    }
    return false;
  }

  /** Marks a span as read, without a finding: later scanners leave it alone. */
  void claim(int start, int end) {
    taken.add(start, end);
  }

  void add(int start, int end, String type, Severity severity, double score, String source) {
    taken.add(start, end);
    out.add(
        new Finding(
            PiiDetector.NAME,
            type,
            offsets.at(start),
            offsets.at(end),
            severity,
            Math.round(score * 100) / 100.0,
            source));
  }

  List<Finding> findings() {
    return out;
  }
}
