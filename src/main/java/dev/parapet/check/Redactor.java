package dev.parapet.check;

import dev.parapet.model.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Rewrites the spans of the findings to redact. Overlapping and adjacent spans merge first; a
 * merged span takes the type (and so the operator) of its longest finding. Offsets are code points,
 * so emoji, CJK and combining characters are cut where the detectors meant.
 */
public final class Redactor {

  /**
   * @param operatorFor the operator for each finding type, as the profile chooses
   */
  public String redact(
      String text, List<Finding> findings, Function<String, RedactionOperator> operatorFor) {
    if (findings.isEmpty()) {
      return text;
    }
    List<Finding> merged = merge(findings);
    // room for a typical replacement per span, so the builder does not copy itself while growing
    StringBuilder out = new StringBuilder(text.length() + 24 * merged.size());
    int charPos = 0;
    int cpPos = 0;
    for (Finding span : merged) {
      int start = advance(text, charPos, span.start() - cpPos);
      int end = advance(text, start, span.end() - span.start());
      out.append(text, charPos, start);
      out.append(operatorFor.apply(span.type()).apply(span.type(), text.substring(start, end)));
      charPos = end;
      cpPos = span.end();
    }
    out.append(text, charPos, text.length());
    return out.toString();
  }

  /** Sorted, non-overlapping, non-adjacent spans, each typed after its longest member. */
  static List<Finding> merge(List<Finding> findings) {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
    List<Finding> merged = new ArrayList<>();
    Finding current = sorted.get(0);
    Finding longest = current;
    int end = current.end();
    for (Finding next : sorted.subList(1, sorted.size())) {
      if (next.start() <= end) {
        end = Math.max(end, next.end());
        if (next.length() > longest.length()) {
          longest = next;
        }
      } else {
        merged.add(spanOf(longest, current.start(), end));
        current = next;
        longest = next;
        end = next.end();
      }
    }
    merged.add(spanOf(longest, current.start(), end));
    return merged;
  }

  private static Finding spanOf(Finding typed, int start, int end) {
    return new Finding(
        typed.detector(),
        typed.type(),
        start,
        end,
        typed.severity(),
        typed.score(),
        typed.source());
  }

  private static int advance(String text, int charIndex, int codePoints) {
    int limit = text.length();
    int i = charIndex;
    for (int n = 0; n < codePoints && i < limit; n++) {
      i += Character.charCount(text.codePointAt(i));
    }
    return i;
  }
}
