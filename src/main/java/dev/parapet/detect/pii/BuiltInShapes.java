package dev.parapet.detect.pii;

import dev.parapet.detect.NextChars;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * What the built-in shapes compile to: their filters, their automata and the table of shapes by
 * first char and length. The shapes are constants, so this is made once per JVM; every later policy
 * load and reload would otherwise determinize them again (40–80 ms of a JVM's second load). Never
 * changed after it is made.
 */
final class BuiltInShapes {

  private static final class Holder {
    static final BuiltInShapes INSTANCE = new BuiltInShapes(BuiltInRecognizers.ALL);
  }

  final List<Recognizer> recognizers;
  final ShapeBounds[] bounds;

  /** Per shape, its automaton; null for a shape only its regex can match. */
  final ShapeAutomaton[] automata;

  /** Per shape, its validator, looked up once. */
  final java.util.function.Predicate<String>[] validators;

  /** {@code pii/} and each recognizer's name, made once: every finding carries one. */
  final String[] sources;

  /**
   * By first char and length of a candidate, the shapes that can start with that char and span that
   * length, in order: a candidate is held against a handful of shapes, not against all of them.
   */
  private final int[][] byStartAndLength;

  private final int[] all;

  /** Only shapes without an automaton need a matcher, set on each text. */
  private final ThreadLocal<Matcher[]> matchers;

  static BuiltInShapes get() {
    return Holder.INSTANCE;
  }

  private BuiltInShapes(List<Recognizer> recognizers) {
    this.recognizers = List.copyOf(recognizers);
    int count = this.recognizers.size();
    this.sources =
        this.recognizers.stream()
            .map(r -> PiiDetector.NAME + "/" + r.name())
            .toArray(String[]::new);
    this.bounds = new ShapeBounds[count];
    this.automata = new ShapeAutomaton[count];
    @SuppressWarnings("unchecked")
    java.util.function.Predicate<String>[] checks = new java.util.function.Predicate[count];
    this.validators = checks;
    boolean[][] startsWith = new boolean[count][];
    for (int i = 0; i < count; i++) {
      Pattern shape = this.recognizers.get(i).shape();
      validators[i] = this.recognizers.get(i).check();
      startsWith[i] = NextChars.after(shape, "");
      ShapeBounds.Node tree = shape.flags() == 0 ? ShapeBounds.parse(shape.pattern()) : null;
      bounds[i] = tree == null ? ShapeBounds.ANY : tree.bounds();
      automata[i] = ShapeAutomaton.of(tree);
    }
    this.matchers =
        ThreadLocal.withInitial(
            () -> {
              Matcher[] made = new Matcher[count];
              for (int i = 0; i < count; i++) {
                if (automata[i] == null) {
                  made[i] = this.recognizers.get(i).shape().matcher("");
                }
              }
              return made;
            });
    this.all = IntStream.range(0, count).toArray();
    this.byStartAndLength = new int[128 * (Candidates.MAX + 1)][];
    Map<List<Integer>, int[]> shared = new HashMap<>();
    for (char first = 0; first < 128; first++) {
      for (int length = 0; length <= Candidates.MAX; length++) {
        List<Integer> shapes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          if (startsWith[i][first] && bounds[i].admits(length, 0)) {
            shapes.add(i);
          }
        }
        byStartAndLength[first * (Candidates.MAX + 1) + length] =
            shared.computeIfAbsent(shapes, k -> k.stream().mapToInt(Integer::intValue).toArray());
      }
    }
  }

  int count() {
    return recognizers.size();
  }

  /** The shapes worth trying on a candidate, before looking at the kinds of chars it holds. */
  int[] worthTrying(char first, int length) {
    return first < 128 && length <= Candidates.MAX
        ? byStartAndLength[first * (Candidates.MAX + 1) + length]
        : all;
  }

  /** This thread's matchers, one per shape without an automaton (null for the others). */
  Matcher[] matchers() {
    return matchers.get();
  }
}
