package dev.parapet.check;

import dev.parapet.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A decision on a text with what a stream needs to release it piece by piece: the merged spans the
 * decision redacts, how each is rewritten, and how much of the text's end the detectors may still
 * change as more text comes.
 *
 * @param auditId the audit record's id where the decision was recorded, else null
 * @param redactions merged, sorted, non-adjacent spans in code points; empty unless the verdict is
 *     redact
 * @param blocking the findings the standing block actions name; empty unless the verdict is block,
 *     and empty for a block without findings (a rule's, or the fail mode's)
 * @param holdBack the policy's detectors' {@link dev.parapet.detect.Detector#holdBack()}
 * @param holdBackLetters the policy's detectors' {@link
 *     dev.parapet.detect.Detector#holdBackLetters()}
 * @param openFrom where a match still open may start, in code points, or -1
 */
public record Judgement(
    Decision decision,
    String auditId,
    List<Finding> redactions,
    Function<String, RedactionOperator> operators,
    List<Finding> blocking,
    int holdBack,
    int holdBackLetters,
    int openFrom) {

  private static final Redactor REDACTOR = new Redactor();

  public Judgement {
    redactions = List.copyOf(redactions);
    blocking = List.copyOf(blocking);
  }

  /**
   * The code points {@code [from, to)} of {@code text} as the decision releases them: redacted
   * where a span lies inside. The caller cuts only between spans, so every span is whole in it.
   */
  public String release(String text, int from, int to) {
    int begin = text.offsetByCodePoints(0, from);
    String slice = text.substring(begin, text.offsetByCodePoints(begin, to - from));
    List<Finding> inside = new ArrayList<>();
    for (Finding span : redactions) {
      if (span.start() >= from && span.end() <= to) {
        inside.add(span.at(span.start() - from, span.end() - from));
      }
    }
    return REDACTOR.redact(slice, inside, operators);
  }
}
