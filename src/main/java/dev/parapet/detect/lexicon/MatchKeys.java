package dev.parapet.detect.lexicon;

import dev.parapet.text.StretchedLetters;
import dev.parapet.text.TokenList;
import dev.parapet.text.Tokenizer;
import org.apache.lucene.util.IntsRefBuilder;

/**
 * Builds the key a term is stored under: its normalized tokens, words apart by one space, CJK
 * characters side by side, each run of a repeated letter folded into one with its length kept.
 */
final class MatchKeys {

  static final int SEPARATOR = ' ';

  private MatchKeys() {}

  /** A term's key (code points) and run lengths; false when the term has no token at all. */
  static boolean of(String normalized, IntsRefBuilder key, RunList runs) {
    key.clear();
    runs.clear();
    TokenList tokens = Tokenizer.tokenize(normalized);
    if (tokens.size() == 0) {
      return false;
    }
    for (int t = 0; t < tokens.size(); t++) {
      if (t > 0 && !(tokens.isCjk(t - 1) && tokens.isCjk(t))) {
        key.append(SEPARATOR);
      }
      int last = -1;
      for (int i = tokens.start(t); i < tokens.end(t); ) {
        int cp = StretchedLetters.keyOf(normalized.codePointAt(i));
        i += Character.charCount(cp);
        if (cp == last) {
          runs.increment();
        } else {
          key.append(cp);
          runs.add();
          last = cp;
        }
      }
    }
    return true;
  }

  /** The string form of a key, as the Lucene index stores it. */
  static String text(IntsRefBuilder key) {
    return new String(key.ints(), 0, key.length());
  }

  /** Run lengths, one per key letter (separators have none), capped at 127. */
  static final class RunList {
    byte[] values = new byte[32];
    int size;

    void clear() {
      size = 0;
    }

    void add() {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = 1;
    }

    void increment() {
      if (values[size - 1] < Byte.MAX_VALUE) {
        values[size - 1]++;
      }
    }
  }
}
