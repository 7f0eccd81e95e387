package dev.parapet.detect.secret;

import java.util.Locale;
import java.util.Set;

/** Tells a real-looking secret value from a placeholder: length, variety and Shannon entropy. */
final class Secrets {

  static final double MIN_ENTROPY = 3.0;
  private static final Set<String> PLACEHOLDERS =
      Set.of(
          "changeme",
          "password",
          "yourpassword",
          "your_password",
          "example",
          "placeholder",
          "secret",
          "xxxxxxxx",
          "redacted",
          "notasecret",
          "dummy",
          "test1234",
          "12345678");

  private Secrets() {}

  static boolean looksLikeSecret(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (value.length() < 8
        || PLACEHOLDERS.contains(lower)
        || lower.startsWith("${")
        || lower.startsWith("<")
        || lower.startsWith("{{")
        || lower.startsWith("%")
        || lower.chars().allMatch(c -> c == '*' || c == 'x' || c == '.')) {
      return false;
    }
    boolean letter = value.chars().anyMatch(Character::isLetter);
    boolean digit = value.chars().anyMatch(Character::isDigit);
    return letter && digit && entropy(value) >= MIN_ENTROPY;
  }

  /** Shannon entropy in bits per char. */
  static double entropy(String s) {
    int[] counts = new int[128];
    int other = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double h = 0;
    for (int n : counts) {
      if (n > 0) {
        double p = (double) n / s.length();
        h -= p * Math.log(p) / Math.log(2);
      }
    }
    if (other > 0) {
      double p = (double) other / s.length();
      h -= p * Math.log(p) / Math.log(2);
    }
    return h;
  }
}
