package dev.parapet.detect.pii;

import dev.parapet.text.NormalizedText;
import java.util.List;

/**
 * The text a scan reads: the original, its ASCII-lower-cased copy (same length, so offsets agree),
 * the normalized view, the phone regions of the request's profile, and the candidate runs, found
 * once for every scanner that reads them.
 */
final class Page {

  private final String text;
  private final String lower;
  private final NormalizedText normalized;
  private final List<String> phoneRegions;
  private List<int[]> runs;

  Page(NormalizedText normalized, List<String> phoneRegions) {
    this.text = normalized.original();
    this.lower = normalized.originalAsciiLower();
    this.normalized = normalized;
    this.phoneRegions = phoneRegions;
  }

  String text() {
    return text;
  }

  String lower() {
    return lower;
  }

  List<String> phoneRegions() {
    return phoneRegions;
  }

  /** The candidate runs of {@link Candidates#of}, found on first asking. */
  List<int[]> runs() {
    if (runs == null) {
      runs = Candidates.of(text);
    }
    return runs;
  }

  /** Whether any of the lower-case {@code words} occurs anywhere in the text. */
  boolean containsAny(List<String> words) {
    for (String word : words) {
      if (isLatin1(word)
          ? normalized.originalLatin1AsciiLower().contains(word)
          : lower.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLatin1(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (word.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }
}
