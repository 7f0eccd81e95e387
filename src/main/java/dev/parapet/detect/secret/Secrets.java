package dev.parapet.detect.secret;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

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
          "<redacted>",
          // the example values of tutorials and the weakest passwords they show
          "my_password",
          "my-password",
          "my_secret",
          "my_token",
          "mytoken",
          "my_api_key",
          "myapikey",
          "password1",
          "password123",
          "passw0rd123",
          "p@ssw0rd",
          "p@ssword",
          "admin123",
          "secret123",
          "qwerty",
          "qwerty123",
          "welcome1",
          "letmein123");

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
    if (lower.indexOf('…') >= 0 || hasMarker(value)) {
      return true;
    }
    return mostlyRuns(lower)
        || isPeriodic(lower)
        || interleavedRuns(lower)
        || hasTypedFiller(value);
  }

  /** Both marker lists in one automaton: a value is scanned once, whatever their number. */
  private static final class Markers {
    static final int WORD_MARKERS_FROM =
        (int) Arrays.stream(MARKERS).filter(m -> m.chars().allMatch(c -> c < 128)).count();
    static final LiteralTrie TRIE =
        new LiteralTrie(
            Stream.concat(
                    Arrays.stream(MARKERS).filter(m -> m.chars().allMatch(c -> c < 128)),
                    Arrays.stream(WORD_MARKERS))
                .toList());
  }

  private static boolean hasMarker(String value) {
    boolean[] found = {false};
    Markers.TRIE.scan(
        value,
        (literal, at) -> {
          if (literal < Markers.WORD_MARKERS_FROM
              || at == 0
              || !Character.isLetterOrDigit(value.charAt(at - 1))) {
            found[0] = true;
          }
        });
    return found[0];
  }

  /**
   * Whether the value repeats one unit of at most a third of its length ({@code abcdabcdabcd},
   * {@code a1b2a1b2a1b2}): typed filler, never a random token.
   */
  static boolean isPeriodic(String s) {
    int n = s.length();
    if (n < 12) {
      return false;
    }
    for (int p = 1; p * 3 <= n; p++) {
      boolean repeats = true;
      for (int i = p; i < n && repeats; i++) {
        repeats = s.charAt(i) == s.charAt(i - p);
      }
      if (repeats) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether two interleaved runs make up the value ({@code a1b2c3d4e5f6}, {@code 1a2b3c4d5e6f}):
   * the chars at even and at odd positions are each mostly runs.
   */
  static boolean interleavedRuns(String s) {
    return s.length() >= 12 && mostlyRuns(s, 0, 2) && mostlyRuns(s, 1, 2);
  }

  /** Filler that marks an example where it starts a word ("sk-ant-api03-abc123xyz-…"). */
  private static final String[] WORD_MARKERS = {"abc123", "123abc", "xyz123", "abcxyz", "fake"};

  /**
   * Whether a typed run sits inside the value: an ascending or descending run of eight ({@code
   * 12345678}, {@code abcdefgh}), or two runs of four of one char ({@code AAAABBBB}). A random
   * token of a hundred chars holds either by a chance of well under one in a thousand.
   */
  static boolean hasTypedFiller(String s) {
    int up = 1;
    int down = 1;
    int same = 1;
    int sameRuns = 0;
    for (int i = 1; i < s.length(); i++) {
      char a = s.charAt(i - 1);
      char b = s.charAt(i);
      boolean alnum = Character.isLetterOrDigit(a) && Character.isLetterOrDigit(b);
      up = alnum && b == a + 1 ? up + 1 : 1;
      down = alnum && b == a - 1 ? down + 1 : 1;
      same = alnum && b == a ? same + 1 : 1;
      if (up >= 8 || down >= 8) {
        return true;
      }
      if (same == 4 && ++sameRuns >= 2) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether runs of six or more (one char repeated, or each char one above or below the last) make
   * up half the value or more: {@code xxxxxxxx}, {@code 1234567890abcdef}, {@code aaaaaaaa…}. A
   * real random token holds such a run rarely, and then only as a small part.
   */
  static boolean mostlyRuns(String s) {
    return mostlyRuns(s, 0, 1);
  }

  /** {@link #mostlyRuns(String)} over the chars at {@code from}, {@code from + step}, … */
  private static boolean mostlyRuns(String str, int from, int step) {
    int n = (str.length() - from + step - 1) / step;
    int inRuns = 0;
    int runStart = 0;
    int kind = 0; // 0 none, 1 same, 2 up, 3 down
    for (int i = 1; i <= n; i++) {
      int k = 0;
      if (i < n) {
        char a = str.charAt(from + (i - 1) * step);
        char b = str.charAt(from + i * step);
        boolean alnum = Character.isLetterOrDigit(a) && Character.isLetterOrDigit(b);
        k = a == b ? 1 : alnum && b == a + 1 ? 2 : alnum && b == a - 1 ? 3 : 0;
      }
      if (k == 0 || k != kind) {
        if (kind != 0 && i - runStart >= 6) {
          inRuns += i - runStart;
        }
        runStart = i - 1;
        kind = k;
      }
    }
    return n > 0 && inRuns * 2 >= n;
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
