package dev.parapet.detect.pii;

import dev.parapet.text.NormalizedText;

/**
 * A run of plain characters every match of an officer's pattern must contain, read off the pattern
 * conservatively: when the pattern has a top-level alternation, inline flags other than a leading
 * {@code (?i)}, quoting, or anything this reader is unsure of, there is none. A text without the
 * literal cannot match, so the RE2/J scan — linear, but the slowest step of the PII detector on a
 * megabyte — is skipped for the common text that mentions no employee id at all.
 *
 * @param text the literal, lower-cased when {@code ignoreCase}
 * @param ignoreCase whether to look for it in the ASCII-lower-cased text
 */
record RequiredLiteral(String text, boolean ignoreCase) {

  private static final int MIN_LENGTH = 2;

  /** Whether the text can contain a match; {@code lower} is the ASCII-lower-cased text. */
  boolean mayMatch(String original, String lower) {
    return (ignoreCase ? lower : original).contains(text);
  }

  /** The longest required literal of {@code regex}, or null when none can be named safely. */
  static RequiredLiteral of(String regex) {
    boolean ignoreCase = false;
    String body = regex;
    if (body.startsWith("(?i)")) {
      ignoreCase = true;
      body = body.substring(4);
    }
    if (hasOpaqueEscape(body) || hasInlineFlags(body) || hasTopLevelAlternation(body)) {
      return null;
    }
    String best = "";
    StringBuilder run = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      int atomEnd;
      Character literal = null;
      boolean zeroWidth = false;
      switch (c) {
        case '(' -> atomEnd = groupEnd(body, i);
        case '[' -> atomEnd = classEnd(body, i);
        case '\\' -> {
          if (i + 1 >= body.length()) {
            return null;
          }
          char e = body.charAt(i + 1);
          atomEnd = i + 2;
          zeroWidth = "bBAz".indexOf(e) >= 0;
          if (!Character.isLetterOrDigit(e)) {
            literal = e; // an escaped metacharacter such as \. or \-
          }
        }
        case '^', '$' -> {
          atomEnd = i + 1;
          zeroWidth = true;
        }
        case '.', ')', '|', '*', '+', '?', '{' -> atomEnd = i + 1;
        default -> {
          atomEnd = i + 1;
          literal = c;
        }
      }
      if (atomEnd < 0) {
        return null;
      }
      int quantifierEnd = quantifierEnd(body, atomEnd);
      if (quantifierEnd < 0) {
        return null;
      }
      if (zeroWidth) {
        i = quantifierEnd; // an assertion matches no text: the run goes on
        continue;
      }
      boolean quantified = quantifierEnd > atomEnd;
      boolean optional = quantified && minCount(body, atomEnd) == 0;
      if (literal != null && !optional) {
        run.append(literal);
      }
      if (literal == null || quantified) {
        if (run.length() > best.length()) {
          best = run.toString();
        }
        run.setLength(0);
      }
      i = quantifierEnd;
    }
    if (run.length() > best.length()) {
      best = run.toString();
    }
    if (best.length() < MIN_LENGTH) {
      return null;
    }
    if (ignoreCase) {
      for (int k = 0; k < best.length(); k++) {
        char ch = best.charAt(k);
        // RE2/J folds case beyond ASCII: K matches the Kelvin sign, S the long s
        if (ch >= 128 || "kKsS".indexOf(ch) >= 0) {
          return null;
        }
      }
      return new RequiredLiteral(NormalizedText.asciiLower(best), true);
    }
    return new RequiredLiteral(best, false);
  }

  /** Escapes whose meaning spans more than the next character: \\x41, \\pL, \\012, \\Q…\\E. */
  private static boolean hasOpaqueEscape(String p) {
    for (int i = 0; i + 1 < p.length(); i++) {
      if (p.charAt(i) == '\\') {
        char e = p.charAt(i + 1);
        if ("xpPcQE".indexOf(e) >= 0 || Character.isDigit(e)) {
          return true;
        }
        i++;
      }
    }
    return false;
  }

  private static boolean hasInlineFlags(String p) {
    for (int i = 0; i + 2 < p.length(); i++) {
      if (p.charAt(i) == '\\') {
        i++;
      } else if (p.charAt(i) == '(' && p.charAt(i + 1) == '?' && p.charAt(i + 2) != ':') {
        return true;
      }
    }
    return false;
  }

  private static boolean hasTopLevelAlternation(String p) {
    int depth = 0;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        i = classEnd(p, i) - 1;
        if (i < 0) {
          return true;
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return true;
      }
    }
    return false;
  }

  /** The index after the group opened at {@code i}, or -1. */
  private static int groupEnd(String p, int i) {
    int depth = 0;
    for (int k = i; k < p.length(); k++) {
      char c = p.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == '[') {
        k = classEnd(p, k) - 1;
        if (k < 0) {
          return -1;
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return k + 1;
      }
    }
    return -1;
  }

  /** The index after the character class opened at {@code i}, or -1. */
  private static int classEnd(String p, int i) {
    int k = i + 1;
    if (k < p.length() && p.charAt(k) == '^') {
      k++;
    }
    if (k < p.length() && p.charAt(k) == ']') {
      k++;
    }
    for (; k < p.length(); k++) {
      char c = p.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == '[' && k + 1 < p.length() && p.charAt(k + 1) == ':') {
        int end = p.indexOf(":]", k + 2);
        if (end < 0) {
          return -1;
        }
        k = end + 1;
      } else if (c == ']') {
        return k + 1;
      }
    }
    return -1;
  }

  /** The index after a quantifier starting at {@code i} (itself if there is none), or -1. */
  private static int quantifierEnd(String p, int i) {
    if (i >= p.length()) {
      return i;
    }
    char c = p.charAt(i);
    int end;
    if (c == '*' || c == '+' || c == '?') {
      end = i + 1;
    } else if (c == '{') {
      int close = p.indexOf('}', i);
      if (close < 0 || !p.substring(i + 1, close).matches("\\d+(,\\d*)?")) {
        return close < 0 ? -1 : i; // RE2 reads a malformed {…} as literal text
      }
      end = close + 1;
    } else {
      return i;
    }
    if (end < p.length() && (p.charAt(end) == '?' || p.charAt(end) == '+')) {
      end++; // lazy or possessive
    }
    return end;
  }

  private static int minCount(String p, int i) {
    char c = p.charAt(i);
    if (c == '*' || c == '?') {
      return 0;
    }
    if (c == '+') {
      return 1;
    }
    int close = p.indexOf('}', i);
    String inside = p.substring(i + 1, close);
    int comma = inside.indexOf(',');
    return Integer.parseInt(comma < 0 ? inside : inside.substring(0, comma));
  }
}
