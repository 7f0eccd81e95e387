package dev.parapet.detect.secret;

import java.util.Locale;
import java.util.Set;

/**
 * Tells a real-looking secret value from a placeholder or a documentation example: published
 * example keys, template markers, repeated characters, sequential runs, and low Shannon entropy.
 */
final class Secrets {

  static final double MIN_ENTROPY = 3.0;

  /** Whole values that are placeholders, compared in lower case. */
  private static final Set<String> PLACEHOLDERS =
      Set.of(
          "changeme",
          "change_me",
          "password",
          "passw0rd",
          "yourpassword",
          "your_password",
          "mypassword",
          "example",
          "placeholder",
          "secret",
          "mysecret",
          "supersecret",
          "redacted",
          "notasecret",
          "not_a_secret",
          "dummy",
          "test1234",
          "testtest",
          "12345678",
          "123456789",
          "1234567890",
          "qwertyuiop",
          "letmein",
          "undefined",
          "null",
          "none",
          "true",
          "false",
          "required",
          "optional",
          "string",
          "<redacted>");

  /** Keys and tokens that providers publish in their documentation as examples. */
  private static final Set<String> PUBLISHED_EXAMPLES =
      Set.of(
          "AKIAIOSFODNN7EXAMPLE",
          "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
          "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
          "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe",
          "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
          "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
          "pk_test_TYooMQauvdEDq54NiTphI7jx",
          "xoxb-not-a-real-token-this-will-not-work",
          // the Azure Storage emulator's account key, the same in every installation
          "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==");

  /** Fragments that mark a value as a template or an example, compared in lower case. */
  private static final String[] MARKERS = {
    "xxxx",
    "****",
    "....",
    "…",
    "your_",
    "your-",
    "yourkey",
    "yourtoken",
    "yoursecret",
    "youraccess",
    "yourapi",
    "<",
    ">",
    "${",
    "{{",
    "}}",
    "%s",
    "placeholder",
    "redacted",
    "changeme",
    "replace_me",
    "replaceme",
    "insert_",
    "_here",
    "-here",
    "dummy",
    "abc123",
    "123abc",
    "xyz123",
    "abcdefgh",
    "12345678",
    "sample_",
    "example_",
    "_example",
    "-example",
    "fake_",
    "fakekey",
    "faketoken",
    "notreal",
    "not_real",
    "not-real"
  };

  private Secrets() {}

  static boolean isPublishedExample(String token) {
    return PUBLISHED_EXAMPLES.contains(token);
  }

  /** Whether a value in a {@code key = value} context looks like a real secret. */
  static boolean looksLikeSecret(String value) {
    if (value.length() < 8 || isPlaceholder(value)) {
      return false;
    }
    boolean letter = value.chars().anyMatch(Character::isLetter);
    boolean digit = value.chars().anyMatch(Character::isDigit);
    return letter && digit && entropy(value) >= MIN_ENTROPY;
  }

  /**
   * Whether a token or value is a template, example or filler rather than a credential: a published
   * example, a marker such as {@code xxxx} or {@code YOUR_}, one char repeated, or an ascending or
   * descending run of six.
   */
  static boolean isPlaceholder(String value) {
    if (PUBLISHED_EXAMPLES.contains(value)) {
      return true;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (PLACEHOLDERS.contains(lower) || lower.endsWith("example") || lower.endsWith("examplekey")) {
      return true;
    }
    for (String marker : MARKERS) {
      if (lower.contains(marker)) {
        return true;
      }
    }
    return repeatedOrSequential(lower);
  }

  /** Six of one char in a row, or six chars each one above (or below) the last. */
  private static boolean repeatedOrSequential(String s) {
    int same = 1;
    int up = 1;
    int down = 1;
    for (int i = 1; i < s.length(); i++) {
      char a = s.charAt(i - 1);
      char b = s.charAt(i);
      boolean alnum = Character.isLetterOrDigit(a) && Character.isLetterOrDigit(b);
      same = a == b ? same + 1 : 1;
      up = alnum && b == a + 1 ? up + 1 : 1;
      down = alnum && b == a - 1 ? down + 1 : 1;
      if (same >= 6 || up >= 6 || down >= 6) {
        return true;
      }
    }
    return false;
  }

  /** Shannon entropy in bits per char. */
  static double entropy(CharSequence s) {
    int[] counts = new int[128];
    int other = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double h = 0;
    for (int k : counts) {
      if (k > 0) {
        double p = (double) k / n;
        h -= p * Math.log(p);
      }
    }
    if (other > 0) {
      double p = (double) other / n;
      h -= p * Math.log(p);
    }
    return h / Math.log(2);
  }
}
