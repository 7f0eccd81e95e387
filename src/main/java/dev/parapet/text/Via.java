package dev.parapet.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The normalizations a char of the normalized view went through, as bits: a finding reports those
 * of its chars (less those its term needed anyway), so a rule can tell a disguised term from a
 * plain one. Case folding is not among them: upper case is no disguise.
 */
public final class Via {

  public static final int LEET = 1;
  public static final int SEPARATORS = 1 << 1;
  public static final int CONFUSABLE = 1 << 2;
  public static final int ACCENTS = 1 << 3;
  public static final int WIDTH = 1 << 4;
  public static final int INVISIBLE = 1 << 5;
  public static final int MARKUP = 1 << 6;
  public static final int TRADITIONAL = 1 << 7;

  /** Set by the matcher, not the normalizer: a letter stretched to a run of three or more. */
  public static final int STRETCH = 1 << 8;

  /** Set by the matcher: letters doubled that the term has single. */
  public static final int DOUBLING = 1 << 9;

  /** The wire names, in bit order. */
  private static final List<String> NAMES =
      List.of(
          "leet",
          "separators",
          "confusable",
          "accents",
          "width",
          "invisible",
          "markup",
          "traditional",
          "stretch",
          "doubling");

  private Via() {}

  /** The names of the bits set in {@code via}, in a fixed order; empty for none. */
  public static List<String> names(int via) {
    if (via == 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>(Integer.bitCount(via));
    for (int bit = 0; bit < NAMES.size(); bit++) {
      if ((via & (1 << bit)) != 0) {
        out.add(NAMES.get(bit));
      }
    }
    return List.copyOf(out);
  }

  /** Every name a finding's {@code via} may hold. */
  public static List<String> allNames() {
    return NAMES;
  }
}
