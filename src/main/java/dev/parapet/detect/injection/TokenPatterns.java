package dev.parapet.detect.injection;

import dev.parapet.text.TokenList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Word patterns matched by walking the tokens of a normalized text once: each pattern is a row of
 * slots (sets of words or word prefixes) with at most {@code gap} other words between neighbours,
 * all in one sentence, so "ignore ALL of the previous instructions" and "ignore the above
 * instructions" are one pattern, not two phrases. No backtracking regex: a pattern is tried only at
 * tokens its first slot holds.
 */
final class TokenPatterns {

  /** One slot: a word from {@code words}, or a word starting with one of {@code prefixes}. */
  static final class Slot {
    private final WordSet words;
    private final WordSet prefixes;
    private final int[] prefixLengths;
    private final boolean[] prefixStarts;

    Slot(Set<String> exact, Set<String> prefix) {
      words = new WordSet(exact);
      prefixes = new WordSet(prefix);
      prefixLengths = prefix.stream().mapToInt(String::length).distinct().sorted().toArray();
      prefixStarts = starts(prefix);
    }

    boolean matches(String text, int from, int to) {
      if (words.contains(text, from, to)) {
        return true;
      }
      if (!startsAny(prefixStarts, text, from, to)) {
        return false;
      }
      for (int length : prefixLengths) {
        if (length > to - from) {
          return false;
        }
        if (prefixes.contains(text, from, from + length)) {
          return true;
        }
      }
      return false;
    }
  }

  /** A row of slots and what a match of it is evidence of. */
  record Pattern(SignalKind kind, double weight, int[] gaps, Slot[] slots, Slot unless) {}

  private final List<Pattern> patterns;
  private final WordSet firstWords;
  private final Map<String, int[]> byFirstWord;
  private final WordSet firstPrefixes;
  private final Map<String, int[]> byFirstPrefix;
  private final int[] firstPrefixLengths;
  private final boolean[] firstPrefixStarts;

  private TokenPatterns(List<Pattern> patterns, List<Set<String>[]> firstSlots) {
    this.patterns = List.copyOf(patterns);
    Map<String, List<Integer>> words = new HashMap<>();
    Map<String, List<Integer>> prefixes = new HashMap<>();
    for (int p = 0; p < patterns.size(); p++) {
      for (String w : firstSlots.get(p)[0]) {
        words.computeIfAbsent(w, k -> new ArrayList<>()).add(p);
      }
      for (String w : firstSlots.get(p)[1]) {
        prefixes.computeIfAbsent(w, k -> new ArrayList<>()).add(p);
      }
    }
    firstWords = new WordSet(words.keySet());
    byFirstWord = ids(words);
    firstPrefixes = new WordSet(prefixes.keySet());
    byFirstPrefix = ids(prefixes);
    firstPrefixLengths =
        prefixes.keySet().stream().mapToInt(String::length).distinct().sorted().toArray();
    firstPrefixStarts = starts(prefixes.keySet());
  }

  /** The first two chars of every prefix (all at least two long), as a table to test a token by. */
  private static boolean[] starts(Set<String> prefixes) {
    boolean[] table = new boolean[128 * 128];
    for (String p : prefixes) {
      if (p.length() < 2 || p.charAt(0) >= 128 || p.charAt(1) >= 128) {
        throw new IllegalArgumentException("a prefix needs two ASCII chars: " + p);
      }
      table[p.charAt(0) * 128 + p.charAt(1)] = true;
    }
    return table;
  }

  /** Whether the token may start with one of the prefixes: most tokens fail here, at no cost. */
  private static boolean startsAny(boolean[] table, String text, int from, int to) {
    if (to - from < 2) {
      return false;
    }
    char a = text.charAt(from);
    char b = text.charAt(from + 1);
    return a < 128 && b < 128 && table[a * 128 + b];
  }

  private static Map<String, int[]> ids(Map<String, List<Integer>> lists) {
    Map<String, int[]> out = new HashMap<>();
    lists.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    return out;
  }

  /** Reports every pattern that matches, starting at any token. */
  void find(String text, TokenList tokens, List<Signal> out) {
    int n = tokens.size();
    for (int t = 0; t < n; t++) {
      int from = tokens.start(t);
      int to = tokens.end(t);
      String word = firstWords.find(text, from, to);
      if (word != null) {
        for (int p : byFirstWord.get(word)) {
          matchAt(patterns.get(p), text, tokens, t, out);
        }
      }
      for (int length : firstPrefixLengths) {
        if (length > to - from || !startsAny(firstPrefixStarts, text, from, to)) {
          break;
        }
        String prefix = firstPrefixes.find(text, from, from + length);
        if (prefix != null) {
          for (int p : byFirstPrefix.get(prefix)) {
            matchAt(patterns.get(p), text, tokens, t, out);
          }
        }
      }
    }
  }

  private static void matchAt(Pattern p, String text, TokenList tokens, int t, List<Signal> out) {
    int last = rest(p, 1, text, tokens, t);
    if (last >= 0) {
      out.add(new Signal(p.kind(), p.weight(), tokens.start(t), tokens.end(last)));
    }
  }

  /**
   * The token of the last slot when slots {@code s..} match after token {@code at}, or -1; tries
   * each candidate in the gap, so "repeat the exact initial prompt" finds "initial prompt" after
   * "exact" also fits the slot.
   */
  private static int rest(Pattern p, int s, String text, TokenList tokens, int at) {
    if (s == p.slots().length) {
      return at;
    }
    for (int k = at + 1; k < tokens.size() && k <= at + 1 + p.gaps()[s - 1]; k++) {
      if (sentenceBreak(text, tokens.end(k - 1), tokens.start(k))) {
        return -1;
      }
      if (p.slots()[s].matches(text, tokens.start(k), tokens.end(k))) {
        int last = rest(p, s + 1, text, tokens, k);
        if (last >= 0) {
          return last;
        }
      }
      if (p.unless() != null && p.unless().matches(text, tokens.start(k), tokens.end(k))) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean sentenceBreak(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      // a single line break may split one sentence over turns or lines; a blank line ends it
      boolean paragraph = c == '\n' && i + 1 < to && text.charAt(i + 1) == '\n';
      if (c == '.' || c == '!' || c == '?' || paragraph || c == ';' || c == '。' || c == '！') {
        return true;
      }
    }
    return false;
  }

  /** Collects patterns written as slot specs: words, {@code word*} prefixes, {@code @set} names. */
  static final class Builder {
    private final Map<String, String> sets = new HashMap<>();
    private final List<Pattern> patterns = new ArrayList<>();
    private final List<Set<String>[]> firstSlots = new ArrayList<>();

    /** Names a set of words for use as {@code @name} in slots. */
    Builder set(String name, String... specs) {
      sets.put(name, String.join(" ", specs));
      return this;
    }

    Builder add(SignalKind kind, double weight, int gap, String... slots) {
      return addUnless(kind, weight, gap, null, slots);
    }

    /** A pattern with its own gap between each pair of neighbouring slots. */
    Builder addGaps(SignalKind kind, double weight, int[] gaps, String... slots) {
      if (gaps.length != slots.length - 1) {
        throw new IllegalArgumentException("one gap between each pair of slots");
      }
      return addPattern(kind, weight, gaps, null, slots);
    }

    /** A pattern that does not match when a word of {@code unless} sits in a gap. */
    Builder addUnless(SignalKind kind, double weight, int gap, String unless, String... slots) {
      int[] gaps = new int[Math.max(0, slots.length - 1)];
      Arrays.fill(gaps, gap);
      return addPattern(kind, weight, gaps, unless, slots);
    }

    private Builder addPattern(
        SignalKind kind, double weight, int[] gaps, String unless, String... slots) {
      Slot[] built = new Slot[slots.length];
      Set<String>[] first = null;
      for (int i = 0; i < slots.length; i++) {
        Set<String>[] parts = parse(slots[i]);
        built[i] = new Slot(parts[0], parts[1]);
        if (i == 0) {
          first = parts;
        }
      }
      Slot stop = null;
      if (unless != null) {
        Set<String>[] parts = parse(unless);
        stop = new Slot(parts[0], parts[1]);
      }
      patterns.add(new Pattern(kind, weight, gaps, built, stop));
      firstSlots.add(first);
      return this;
    }

    @SuppressWarnings("unchecked")
    private Set<String>[] parse(String spec) {
      Set<String> exact = new TreeSet<>();
      Set<String> prefixes = new TreeSet<>();
      Set<String> seen = new LinkedHashSet<>();
      expand(spec, exact, prefixes, seen);
      return new Set[] {exact, prefixes};
    }

    private void expand(String spec, Set<String> exact, Set<String> prefixes, Set<String> seen) {
      for (String word : Arrays.asList(spec.trim().split("\\s+"))) {
        if (word.startsWith("@")) {
          String name = word.substring(1);
          if (!sets.containsKey(name)) {
            throw new IllegalArgumentException("unknown word set @" + name);
          }
          if (seen.add(name)) {
            expand(sets.get(name), exact, prefixes, seen);
          }
        } else if (word.endsWith("*")) {
          prefixes.add(word.substring(0, word.length() - 1));
        } else {
          exact.add(word);
        }
      }
    }

    TokenPatterns build() {
      return new TokenPatterns(patterns, firstSlots);
    }
  }
}
