package dev.parapet.stream;

import dev.parapet.detect.Detector;
import dev.parapet.model.Finding;
import java.util.List;
import java.util.Set;

/**
 * Where a streamed text may be cut: the end of what is safe to release now. Everything after the
 * cut is held back until more text, or the end of the answer, settles it.
 */
final class HoldBack {

  private HoldBack() {}

  /**
   * The code point offset up to which {@code text} may be released, never before {@code released}.
   *
   * @param codePoints the text as code points
   * @param holdBack the detectors' hold-back in code points from the end
   * @param holdBackLetters the detectors' hold-back in letter runs from the end
   * @param openFrom where a match still open starts, or -1
   * @param findings every finding so far: a cut never falls inside one
   * @param redactions the merged redacted spans: a cut never falls inside one or right after it,
   *     where a span still to come could merge with it
   */
  static int cut(
      int[] codePoints,
      int holdBack,
      int holdBackLetters,
      int openFrom,
      List<Finding> findings,
      List<Finding> redactions,
      int released) {
    int cut = stable(codePoints, holdBack, holdBackLetters);
    if (openFrom >= 0) {
      cut = Math.min(cut, openFrom);
    }
    boolean moved = true;
    while (moved && cut > released) {
      moved = false;
      for (Finding f : findings) {
        if (f.start() < cut && cut < f.end()) {
          cut = f.start();
          moved = true;
        }
      }
      for (Finding r : redactions) {
        if (r.start() < cut && cut <= r.end()) {
          cut = r.start();
          moved = true;
        }
      }
      if (moved) {
        cut = atBreak(codePoints, cut);
      }
    }
    return Math.max(cut, released);
  }

  /**
   * Detectors whose findings weigh the whole answer, not only the text near them: an injection
   * finding's score falls when later words show the answer quotes an attack to discuss it, and the
   * classifier's worst window moves as text comes. A block on such a finding stands only once the
   * answer is complete.
   */
  private static final Set<String> WEIGH_WHOLE_ANSWER = Set.of("injection");

  /**
   * Whether a block stands whatever text comes: it names no finding (a rule's or the fail mode's),
   * or one of its findings ends before the tail that text still to come could change and is one no
   * later text can weaken.
   */
  static boolean settled(
      int[] codePoints, int holdBack, int holdBackLetters, List<Finding> blocking) {
    if (blocking.isEmpty()) {
      return true;
    }
    int stable = stable(codePoints, holdBack, holdBackLetters);
    for (Finding f : blocking) {
      if (f.end() <= stable && !WEIGH_WHOLE_ANSWER.contains(f.detector())) {
        return true;
      }
    }
    return false;
  }

  /** The end of what no text still to come can change, whatever the findings so far. */
  static int stable(int[] codePoints, int holdBack, int holdBackLetters) {
    return atBreak(
        codePoints, Math.min(back(codePoints, holdBack), backLetters(codePoints, holdBackLetters)));
  }

  /** The offset {@code holdBack} code points before the end. */
  static int back(int[] codePoints, int holdBack) {
    return holdBack == Detector.UNBOUNDED ? 0 : Math.max(0, codePoints.length - holdBack);
  }

  /**
   * The offset {@code letters} letter runs before the end: only letters and digits count, and a
   * repeated one once, so that "fuuuuck", "f u c k" and "f.u.c.k" need no more room than "fuck".
   */
  static int backLetters(int[] codePoints, int letters) {
    if (letters == Detector.UNBOUNDED) {
      return 0;
    }
    int at = codePoints.length;
    int counted = 0;
    int next = -1;
    while (at > 0 && counted < letters) {
      at--;
      int c = codePoints[at];
      if (Character.isLetterOrDigit(c)) {
        if (Character.toLowerCase(c) != next) {
          counted++;
        }
        next = Character.toLowerCase(c);
      }
    }
    return at;
  }

  /**
   * The nearest offset at or before {@code at} where a match may begin or end: beside whitespace or
   * an ideograph. A run without whitespace (a URL, an email, a token, a stretched word) is never
   * cut, whatever its length, since its next character may still extend a match.
   */
  static int atBreak(int[] codePoints, int at) {
    int i = Math.min(at, Math.max(0, codePoints.length - 1));
    while (i > 0 && i < codePoints.length && !breaksBetween(codePoints[i - 1], codePoints[i])) {
      i--;
    }
    return i;
  }

  private static boolean breaksBetween(int before, int after) {
    return Character.isWhitespace(before)
        || Character.isWhitespace(after)
        || unspaced(before)
        || unspaced(after);
  }

  /** Scripts written without spaces between words: every character is a boundary. */
  private static boolean unspaced(int codePoint) {
    if (codePoint < 0x3000) {
      return false;
    }
    if (Character.isIdeographic(codePoint)) {
      return true;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
    return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
  }
}
