package dev.parapet.detect.injection.classifier;

/**
 * Hashes a text into the classifier's features: character 3-, 4- and 5-grams and word 1- and
 * 2-grams of a folded copy (lower case, full-width ASCII narrowed, digits as one digit, whitespace
 * runs collapsed), each reported with the index of the char it starts at. The folding is the
 * classifier's own, not the pipeline's normalizer, so that the shipped weights keep meaning what
 * they were trained to mean when the normalizer changes.
 */
public final class TextFeatures {

  /** log2 of the number of hash buckets. */
  public static final int BITS = 18;

  /** The number of hash buckets, the length of the weight vector. */
  public static final int DIMENSIONS = 1 << BITS;

  private static final int MASK = DIMENSIONS - 1;
  private static final int SEED3 = 0x3c6ef372;
  private static final int SEED4 = 0x5bd1e995;
  private static final int SEED5 = 0x27d4eb2f;
  private static final int WORD_SEED = 0x165667b1;
  private static final int PAIR_SEED = 0x61c88647;

  /** Receives one feature occurrence. */
  public interface Sink {
    /** A feature (bucket) that occurs at char index {@code at} of the scanned text. */
    void accept(int feature, int at);
  }

  private TextFeatures() {}

  /** Reports every feature occurrence of {@code text[from, to)} in text order. */
  public static void scan(String text, int from, int to, Sink sink) {
    int h1 = 0; // the last four folded chars, packed 16 bits apart in two ints
    int h2 = 0;
    int p1 = 0;
    int p2 = 0;
    int p3 = 0;
    int p4 = 0;
    int seen = 0;
    int word = 0;
    int wordStart = -1;
    int previousWord = 0;
    boolean hasPrevious = false;
    boolean lastSpace = true;
    for (int i = from; i <= to; i++) {
      char c = i < to ? fold(text.charAt(i)) : ' ';
      if (c == ' ' && lastSpace && i < to) {
        continue;
      }
      lastSpace = c == ' ';
      boolean wordChar = c >= 'a' && c <= 'z' || c == '0' || c > 127 && Character.isLetter(c);
      boolean ideograph = wordChar && c >= 0x2E80;
      if (wordStart >= 0 && (!wordChar || ideograph)) {
        int w = mix(word ^ WORD_SEED);
        sink.accept(w & MASK, wordStart);
        if (hasPrevious) {
          sink.accept(mix(previousWord * 0x9E3779B1 + w ^ PAIR_SEED) & MASK, wordStart);
        }
        previousWord = w;
        hasPrevious = true;
        wordStart = -1;
      }
      if (!wordChar && c != ' ') {
        hasPrevious = false; // punctuation breaks word pairs
      }
      if (wordChar) {
        if (wordStart < 0) {
          wordStart = i;
          word = 0;
        }
        word = word * 31 + c;
        if (ideograph) { // a CJK character is a word of its own
          int w = mix(word ^ WORD_SEED);
          sink.accept(w & MASK, wordStart);
          if (hasPrevious) {
            sink.accept(mix(previousWord * 0x9E3779B1 + w ^ PAIR_SEED) & MASK, wordStart);
          }
          previousWord = w;
          hasPrevious = true;
          wordStart = -1;
        }
      }
      if (i == to) {
        break;
      }
      seen++;
      int c1 = h1 & 0xFFFF;
      int c2 = h1 >>> 16;
      int c3 = h2 & 0xFFFF;
      int c4 = h2 >>> 16;
      if (seen >= 3) {
        sink.accept(mix(((SEED3 * 31 + c2) * 31 + c1) * 31 + c) & MASK, p2);
        if (seen >= 4) {
          sink.accept(mix((((SEED4 * 31 + c3) * 31 + c2) * 31 + c1) * 31 + c) & MASK, p3);
          if (seen >= 5) {
            int h = ((((SEED5 * 31 + c4) * 31 + c3) * 31 + c2) * 31 + c1) * 31 + c;
            sink.accept(mix(h) & MASK, p4);
          }
        }
      }
      h2 = (c3 << 16) | c2;
      h1 = (c1 << 16) | c;
      p4 = p3;
      p3 = p2;
      p2 = p1;
      p1 = i;
    }
  }

  /** The classifier's own folding of one char. */
  static char fold(char c) {
    if (c < 128) {
      if (c >= 'A' && c <= 'Z') {
        return (char) (c + 32);
      }
      if (c >= '0' && c <= '9') {
        return '0'; // numbers say little about intent, and their variety would only be noise
      }
      return c <= ' ' ? ' ' : c;
    }
    if (c >= '\uFF01' && c <= '\uFF5E') {
      return fold((char) (c - 0xFEE0));
    }
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return ' ';
    }
    return Character.toLowerCase(c);
  }

  /** murmur3's finalizer, so that similar n-grams land in unrelated buckets. */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
