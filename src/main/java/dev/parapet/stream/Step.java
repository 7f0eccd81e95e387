package dev.parapet.stream;

import dev.parapet.model.Finding;
import dev.parapet.model.Verdict;
import java.util.List;

/**
 * What one chunk (or the close) of a stream gave: the text now safe to show, already redacted, and
 * the decision on the answer so far.
 *
 * @param release the text released by this step; empty when everything new is held back
 * @param verdict the decision on the whole answer so far; block ends the stream
 * @param findings everything found in the answer so far, offsets into the whole answer
 * @param heldBack code points of the answer received but not yet released after this step
 * @param auditId the answer's audit record once written (at the close or the block), else null
 */
public record Step(
    String release, Verdict verdict, List<Finding> findings, int heldBack, String auditId) {

  public Step {
    findings = List.copyOf(findings);
  }

  /** Whether the stream has ended: blocked, closed or expired. */
  public boolean last() {
    return auditId != null;
  }
}
