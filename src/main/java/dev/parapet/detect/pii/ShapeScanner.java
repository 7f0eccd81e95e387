package dev.parapet.detect.pii;

import java.util.List;
import java.util.regex.Matcher;

/**
 * The built-in recognizers over the candidate runs of a page: each run is held against the shapes
 * that can start with its first char and span its length, then validated, then scored with its
 * context; the best-scoring recognizer of a run is reported.
 */
final class ShapeScanner implements Scanner {

  static final double REPORT_FLOOR = 0.4;

  /** Whether a shape's context words occur anywhere in the text: not looked up yet, yes, no. */
  private static final byte UNKNOWN = 0;

  private static final byte PRESENT = 1;
  private static final byte ABSENT = 2;

  private final BuiltInShapes shapes;

  ShapeScanner(BuiltInShapes shapes) {
    this.shapes = shapes;
  }

  @Override
  public void scan(Page page, FindingSink sink) {
    String text = page.text();
    Matcher[] matchers = shapes.matchers();
    for (Matcher m : matchers) {
      if (m != null) {
        m.reset(text);
      }
    }
    // per shape, then the negative context, then the phone context
    byte[] contextInText = new byte[matchers.length + 2];
    try {
      for (int[] run : page.runs()) {
        if (!sink.overlaps(run[0], run[1])) {
          candidate(matchers, contextInText, page, run, sink);
        }
      }
    } finally {
      for (Matcher m : matchers) {
        if (m != null) {
          m.reset(""); // a pooled matcher must not keep a large text alive
        }
      }
    }
  }

  /**
   * @param contextInText per shape (and last, for the negative context), whether any of its context
   *     words occurs anywhere in the text: without one, no window is searched, and a shape that
   *     needs context is not even tried
   */
  private void candidate(
      Matcher[] matchers, byte[] contextInText, Page page, int[] run, FindingSink sink) {
    String text = page.text();
    String lower = page.lower();
    String value = null;
    int bestIndex = -1;
    double bestScore = 0;
    boolean bestNear = false;
    // a run whose context names a type it fails the check of ("NHS 943 476 5871") is nobody's:
    // not another type that happens to validate, not a phone number
    boolean named = false;
    char first = text.charAt(run[0]);
    int length = run[1] - run[0];
    for (int i : shapes.worthTrying(first, length)) {
      if (!shapes.bounds[i].admits(length, run[2])) {
        continue;
      }
      Recognizer r = shapes.recognizers.get(i);
      if (r.needsContext() && contextInText[i] == ABSENT) {
        continue;
      }
      if (shapes.automata[i] != null
          ? !shapes.automata[i].matches(text, run[0], run[1])
          : !matchers[i].region(run[0], run[1]).matches()) {
        continue;
      }
      if (value == null) {
        value = text.substring(run[0], run[1]);
      }
      if (Context.after(lower, run[0], r.notAfter())) {
        continue;
      }
      // whether the text holds a context word at all is asked only now, of a shape that matched:
      // each asking is a search of the whole text per word
      boolean near =
          anyContextIn(page, r.context(), contextInText, i)
              && Context.near(lower, run[0], run[1], r.context());
      if (!shapes.validators[i].test(value)) {
        named |= near;
        continue;
      }
      named |= near;
      if (r.needsContext() && !near) {
        continue;
      }
      double score = Math.min(1.0, r.score() + (near ? Context.BOOST : 0));
      if (!near
          && anyContextIn(page, Context.NEGATIVE, contextInText, matchers.length)
          && Context.near(lower, run[0], run[1], Context.NEGATIVE)) {
        score -= Context.PENALTY; // "order 4111…": a number in a business document
      }
      if (score > bestScore) {
        bestIndex = i;
        bestScore = score;
        bestNear = near;
      }
    }
    if (bestIndex >= 0 && !bestNear && (named || isPhoneContext(page, run, contextInText))) {
      bestIndex = -1; // "My mobile: 07400 123872" is a phone number, whatever else validates
    }
    if (bestIndex >= 0 && bestScore >= REPORT_FLOOR) {
      Recognizer best = shapes.recognizers.get(bestIndex);
      sink.add(run[0], run[1], best.type(), best.severity(), bestScore, shapes.sources[bestIndex]);
    } else if (named) {
      sink.claim(run[0], run[1]);
    }
  }

  private boolean isPhoneContext(Page page, int[] run, byte[] contextInText) {
    String text = page.text();
    for (int i = run[0]; i < run[1]; i++) {
      if (Candidates.isAsciiLetter(text.charAt(i))) {
        return false;
      }
    }
    int slot = contextInText.length - 1;
    return anyContextIn(page, PhoneScanner.CONTEXT, contextInText, slot)
        && Context.near(page.lower(), run[0], run[1], PhoneScanner.CONTEXT);
  }

  private static boolean anyContextIn(Page page, List<String> words, byte[] known, int shape) {
    if (known[shape] == UNKNOWN) {
      known[shape] = page.containsAny(words) ? PRESENT : ABSENT;
    }
    return known[shape] == PRESENT;
  }
}
