package dev.parapet.detect.injection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * A text that talks about attacks and quotes one ("how does 'ignore previous instructions' work?")
 * is a question, not an attack: signals inside quotation marks count at {@link #QUOTED} of their
 * weight when the words outside the quotes are about attacks. An attack that merely quotes itself
 * has no such words outside its quotes.
 */
final class Discussion {

  static final double QUOTED = 0.4;

  private static final String[] ABOUT_ATTACKS = {
    "injection", "jailbreak", "attack", "defend", "defense", "defence", "detect", "malicious",
    "red team", "red-team", "security", "example", "phrase", "quote", "adversarial", "classify",
    "is this", "safe to", "filter"
  };
  private static final String QUOTES = "\"“”«»„`'‘’";

  private Discussion() {}

  /** The signals, those inside quotes weakened where the text discusses attacks. */
  static List<Signal> weigh(String lower, List<Signal> signals, IntUnaryOperator codePoint) {
    if (signals.isEmpty()) {
      return signals;
    }
    List<int[]> quoted = quoted(lower);
    if (quoted.isEmpty() || !aboutAttacks(lower, quoted)) {
      return signals;
    }
    List<Signal> out = new ArrayList<>(signals.size());
    for (Signal s : signals) {
      boolean inside = false;
      for (int[] q : quoted) {
        inside |= s.start() >= codePoint.applyAsInt(q[0]) && s.end() <= codePoint.applyAsInt(q[1]);
      }
      out.add(
          inside ? new Signal(s.kind(), s.decoded(), s.weight() * QUOTED, s.start(), s.end()) : s);
    }
    return out;
  }

  /** UTF-16 ranges between a quotation mark and the next, within a paragraph. */
  private static List<int[]> quoted(String text) {
    List<int[]> ranges = new ArrayList<>();
    int open = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        open = -1;
      }
      if (QUOTES.indexOf(c) < 0 || apostrophe(text, i)) {
        continue;
      }
      if (open < 0) {
        open = i;
      } else {
        ranges.add(new int[] {open, i + 1});
        open = -1;
      }
    }
    return ranges;
  }

  private static boolean apostrophe(String text, int i) {
    char c = text.charAt(i);
    return (c == '\'' || c == '’')
        && i > 0
        && i + 1 < text.length()
        && Character.isLetter(text.charAt(i - 1))
        && Character.isLetter(text.charAt(i + 1));
  }

  private static boolean aboutAttacks(String lower, List<int[]> quoted) {
    StringBuilder outside = new StringBuilder(lower.length());
    int from = 0;
    for (int[] q : quoted) {
      outside.append(lower, from, q[0]).append(' ');
      from = q[1];
    }
    outside.append(lower, from, lower.length());
    String rest = outside.toString();
    for (String word : ABOUT_ATTACKS) {
      if (rest.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
