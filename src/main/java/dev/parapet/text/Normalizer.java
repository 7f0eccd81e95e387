package dev.parapet.text;

import java.util.Locale;

/** Builds the normalized view of a text. Placeholder: lower-cases only, one char for one char. */
public final class Normalizer {

  public NormalizedText normalize(String original) {
    String lower = original.toLowerCase(Locale.ROOT);
    if (lower.length() != original.length()) {
      lower = original;
    }
    int[] start = new int[lower.length()];
    int[] end = new int[lower.length()];
    int cp = 0;
    for (int i = 0; i < lower.length(); i++) {
      if (i > 0 && Character.isLowSurrogate(original.charAt(i))) {
        cp--;
      }
      start[i] = cp;
      end[i] = cp + 1;
      cp++;
    }
    return new NormalizedText(original, lower, start, end);
  }
}
