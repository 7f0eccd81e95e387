package dev.parapet.detect.pii;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.MinimizationOperations;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * A built-in shape compiled to a deterministic automaton, which decides whether a whole candidate
 * matches in one step per char. {@code java.util.regex} backtracks through the shape's optional
 * separators and counted groups instead, and in dense text that was most of the PII detector's
 * time. Built from the tree {@link ShapeBounds} reads, which covers exactly the plain subset (no
 * look-arounds, anchors, flags or back-references), where a whole-region regex match and membership
 * in the automaton's language are the same thing. Lucene's automaton package, already on the class
 * path for the lexicons, does the determinizing and running.
 */
final class ShapeAutomaton {

  /** Ample for every built-in shape; a shape past it keeps its regex. */
  private static final int WORK_LIMIT = 20_000;

  private final CharacterRunAutomaton run;

  private ShapeAutomaton(CharacterRunAutomaton run) {
    this.run = run;
  }

  /** The shape as an automaton, or null when its tree is missing or too large to determinize. */
  static ShapeAutomaton of(ShapeBounds.Node shape) {
    if (shape == null) {
      return null;
    }
    try {
      Automaton dfa =
          MinimizationOperations.minimize(
              Operations.determinize(automaton(shape), WORK_LIMIT), WORK_LIMIT);
      return new ShapeAutomaton(new CharacterRunAutomaton(dfa, WORK_LIMIT));
    } catch (TooComplexToDeterminizeException e) {
      return null;
    }
  }

  /** Whether all of {@code text[start, end)} is a match. */
  boolean matches(CharSequence text, int start, int end) {
    int state = 0;
    for (int i = start; i < end; i++) {
      state = run.step(state, text.charAt(i));
      if (state < 0) {
        return false;
      }
    }
    return run.isAccept(state);
  }

  private static Automaton automaton(ShapeBounds.Node node) {
    if (node instanceof ShapeBounds.OneOf one) {
      return oneOf(one.chars());
    }
    if (node instanceof ShapeBounds.Sequence sequence) {
      return sequence.parts().isEmpty()
          ? Automata.makeEmptyString()
          : Operations.concatenate(parts(sequence.parts()));
    }
    if (node instanceof ShapeBounds.Either either) {
      return Operations.union(parts(either.choices()));
    }
    ShapeBounds.Repeat repeat = (ShapeBounds.Repeat) node;
    Automaton body = automaton(repeat.body());
    if (repeat.max() == ShapeBounds.UNBOUNDED) {
      return Operations.repeat(body, repeat.min());
    }
    return repeat.max() == 0
        ? Automata.makeEmptyString()
        : Operations.repeat(body, repeat.min(), repeat.max());
  }

  private static List<Automaton> parts(List<ShapeBounds.Node> nodes) {
    List<Automaton> out = new ArrayList<>(nodes.size());
    for (ShapeBounds.Node node : nodes) {
      out.add(automaton(node));
    }
    return out;
  }

  /** One char out of an ASCII set: a transition per run of consecutive chars. */
  private static Automaton oneOf(boolean[] chars) {
    Automaton one = new Automaton();
    int from = one.createState();
    int to = one.createState();
    one.setAccept(to, true);
    int c = 0;
    while (c < chars.length) {
      if (!chars[c]) {
        c++;
        continue;
      }
      int low = c;
      while (c + 1 < chars.length && chars[c + 1]) {
        c++;
      }
      one.addTransition(from, to, low, c);
      c++;
    }
    one.finishState();
    return one;
  }
}
