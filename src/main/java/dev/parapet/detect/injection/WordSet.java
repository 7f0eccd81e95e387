package dev.parapet.detect.injection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A fixed set of ASCII words, looked up by a region of a text so that testing a token costs no
 * substring: the scan asks about every token of every check.
 */
final class WordSet {

  private static final String[] NONE = {};

  /** Words by length, then by first char; most tokens fail at one of the two indexes. */
  private final String[][][] words;

  WordSet(Collection<String> members) {
    int longest = members.stream().mapToInt(String::length).max().orElse(0);
    List<List<List<String>>> grouped = new ArrayList<>();
    for (int length = 0; length <= longest; length++) {
      List<List<String>> byFirst = new ArrayList<>();
      for (int c = 0; c < 128; c++) {
        byFirst.add(new ArrayList<>());
      }
      grouped.add(byFirst);
    }
    for (String word : members) {
      if (word.isEmpty() || word.charAt(0) >= 128) {
        throw new IllegalArgumentException("not an ASCII word: " + word);
      }
      grouped.get(word.length()).get(word.charAt(0)).add(word);
    }
    words = new String[longest + 1][128][];
    for (int length = 0; length <= longest; length++) {
      for (int c = 0; c < 128; c++) {
        List<String> same = grouped.get(length).get(c);
        words[length][c] = same.isEmpty() ? NONE : same.toArray(String[]::new);
      }
    }
  }

  /** The member spelled by {@code text[from, to)}, or null. */
  String find(String text, int from, int to) {
    int length = to - from;
    if (length <= 0 || length >= words.length || to > text.length()) {
      return null;
    }
    char first = text.charAt(from);
    if (first >= 128) {
      return null;
    }
    String[] candidates = words[length][first];
    if (candidates.length == 0) {
      return null;
    }
    if (length == 1) {
      return candidates[0];
    }
    // the second char rules out nearly every candidate before a region compare is set up
    char second = text.charAt(from + 1);
    for (String word : candidates) {
      if (word.charAt(1) == second && text.regionMatches(from + 2, word, 2, length - 2)) {
        return word;
      }
    }
    return null;
  }

  boolean contains(String text, int from, int to) {
    return find(text, from, to) != null;
  }
}
