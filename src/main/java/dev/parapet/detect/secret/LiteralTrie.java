package dev.parapet.detect.secret;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An Aho-Corasick automaton over ASCII literals, folded to lower case: one pass over the text finds
 * every place where any prefix or keyword of the catalogue ends, whatever their number. Callers
 * confirm case-sensitive prefixes on the original text.
 */
final class LiteralTrie {

  /** Receives each literal found: its index in the build list and where it starts. */
  interface Hits {
    void hit(int literal, int start);
  }

  private final byte[] classOf = new byte[128];
  private final int classes;
  private final int[] next; // dense DFA: state * classes + class
  private final int[][] outputs; // per state, the literals ending here (own and by suffix)
  private final int[] lengths;

  LiteralTrie(List<String> literals) {
    String[] lower = new String[literals.size()];
    lengths = new int[literals.size()];
    int c = 1; // class 0: any char no literal holds
    for (int i = 0; i < lower.length; i++) {
      lower[i] = literals.get(i).toLowerCase(Locale.ROOT);
      lengths[i] = lower[i].length();
      for (char ch : lower[i].toCharArray()) {
        if (ch >= 128) {
          throw new IllegalArgumentException("not ASCII: " + literals.get(i));
        }
        if (classOf[ch] == 0) {
          classOf[ch] = (byte) c++;
        }
      }
    }
    for (char ch = 'A'; ch <= 'Z'; ch++) {
      classOf[ch] = classOf[Character.toLowerCase(ch)];
    }
    classes = c;
    List<int[]> goTo = new ArrayList<>();
    List<List<Integer>> own = new ArrayList<>();
    goTo.add(new int[classes]);
    own.add(new ArrayList<>());
    for (int i = 0; i < lower.length; i++) {
      int s = 0;
      for (char ch : lower[i].toCharArray()) {
        int k = classOf[ch];
        if (goTo.get(s)[k] == 0) {
          goTo.get(s)[k] = goTo.size();
          goTo.add(new int[classes]);
          own.add(new ArrayList<>());
        }
        s = goTo.get(s)[k];
      }
      own.get(s).add(i);
    }
    int states = goTo.size();
    next = new int[states * classes];
    outputs = new int[states][];
    int[] fail = new int[states];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    outputs[0] = new int[0];
    for (int k = 0; k < classes; k++) {
      int t = goTo.get(0)[k];
      next[k] = t;
      if (t != 0) {
        queue.add(t);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      List<Integer> out = new ArrayList<>(own.get(s));
      for (int o : outputs[fail[s]]) {
        out.add(o);
      }
      outputs[s] = out.stream().mapToInt(Integer::intValue).toArray();
      for (int k = 0; k < classes; k++) {
        int t = goTo.get(s)[k];
        if (t != 0) {
          fail[t] = next[fail[s] * classes + k];
          next[s * classes + k] = t;
          queue.add(t);
        } else {
          next[s * classes + k] = next[fail[s] * classes + k];
        }
      }
    }
  }

  /** Reports every literal occurrence in {@code text}, in order of where they end. */
  void scan(String text, Hits hits) {
    int s = 0;
    int[] nextStates = next;
    int width = classes;
    for (int i = 0, n = text.length(); i < n; i++) {
      char ch = text.charAt(i);
      s = nextStates[s * width + (ch < 128 ? classOf[ch] : 0)];
      int[] out = outputs[s];
      if (out.length != 0) {
        for (int literal : out) {
          hits.hit(literal, i + 1 - lengths[literal]);
        }
      }
    }
  }
}
