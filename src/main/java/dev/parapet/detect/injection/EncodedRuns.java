package dev.parapet.detect.injection;

import dev.parapet.text.NormalizedText;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds runs of a text that look encoded (Unicode tag characters, base64, hex, binary octets,
 * Morse) and decodes them, each in one pass without a regex, so that what they hide can be scanned
 * like plain text. ROT13 has no look of its own: the whole text is rotated when it names the
 * cipher.
 */
final class EncodedRuns {

  static final int MAX_DECODE = 4096;
  private static final boolean[] BASE64_ALPHABET = alphabet();
  private static final char TAG_HIGH_SURROGATE = '\uDB40';
  private static final Map<String, Character> MORSE = morse();

  /** Receives one decoded run: how it was encoded, the text, and the UTF-16 range it occupied. */
  interface Sink {
    void accept(Decoding how, String decoded, int from, int to);
  }

  private EncodedRuns() {}

  static void find(String text, Sink sink) {
    tags(text, sink);
    base64(text, sink);
    hex(text, sink);
    binary(text, sink);
    morse(text, sink);
    rot13(text, sink);
  }

  /** Tag characters (U+E0000..E007F) spell invisible ASCII. */
  static void tags(String text, Sink sink) {
    // every tag char starts with this high surrogate; a vectorized search skips ordinary text
    int i = text.indexOf(TAG_HIGH_SURROGATE);
    while (i >= 0) {
      if (!isTag(text.codePointAt(i))) {
        i = text.indexOf(TAG_HIGH_SURROGATE, i + 1);
        continue;
      }
      int start = i;
      StringBuilder decoded = new StringBuilder();
      while (i < text.length()) {
        int c = text.codePointAt(i);
        if (!isTag(c)) {
          break;
        }
        if (c >= 0xE0020 && c <= 0xE007E) {
          decoded.append((char) (c - 0xE0000));
        }
        i += Character.charCount(c);
      }
      if (decoded.length() >= 4) {
        sink.accept(Decoding.TAG, decoded.toString(), start, i);
      }
      i = text.indexOf(TAG_HIGH_SURROGATE, i);
    }
  }

  private static boolean isTag(int codePoint) {
    return codePoint >= 0xE0000 && codePoint <= 0xE007F;
  }

  /** Runs of the base64 alphabet, 20 chars or longer, that decode to mostly printable text. */
  static void base64(String text, Sink sink) {
    int n = text.length();
    int start = -1;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? text.charAt(i) : ' ';
      if (c < 128 && BASE64_ALPHABET[c]) {
        if (start < 0) {
          start = i;
        }
        continue;
      }
      if (start >= 0) {
        int end = i;
        while (end < n && end - i < 2 && text.charAt(end) == '=') {
          end++;
        }
        if (i - start >= 20 && end - start <= MAX_DECODE && mixed(text, start, i)) {
          String decoded = printable(base64(text.substring(start, end)));
          if (decoded != null) {
            sink.accept(Decoding.BASE64, decoded, start, end);
          }
        }
        start = -1;
      }
    }
  }

  /** Base64 of text mixes cases and digits; a long plain word or an identifier does not decode. */
  private static boolean mixed(String text, int from, int to) {
    int upper = 0;
    int lower = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      upper += c >= 'A' && c <= 'Z' ? 1 : 0;
      lower += c >= 'a' && c <= 'z' ? 1 : 0;
    }
    return upper * 8 >= to - from && lower * 8 >= to - from;
  }

  private static byte[] base64(String run) {
    try {
      int pad = (4 - run.length() % 4) % 4;
      return Base64.getDecoder().decode(pad == 0 ? run : run + "=".repeat(pad));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Hex digits, 8 pairs or more, optionally separated by spaces, colons, {@code \x} or {@code 0x}:
   * the ways payload generators write bytes.
   */
  static void hex(String text, Sink sink) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!isHex(text.charAt(i)) || i > 0 && wordChar(text.charAt(i - 1))) {
        i++;
        continue;
      }
      int start = i;
      int pairs = 0;
      while (i < n) {
        int at = i + separator(text, i);
        if (at + 1 < n && isHex(text.charAt(at)) && isHex(text.charAt(at + 1))) {
          pairs++;
          i = at + 2;
        } else {
          break;
        }
      }
      if (pairs >= 8 && pairs * 2 <= MAX_DECODE) {
        byte[] bytes = new byte[pairs];
        int at = start;
        for (int k = 0; k < pairs; k++) {
          at += separator(text, at);
          bytes[k] =
              (byte)
                  (Character.digit(text.charAt(at), 16) * 16
                      + Character.digit(text.charAt(at + 1), 16));
          at += 2;
        }
        String decoded = printable(bytes);
        if (decoded != null && words(decoded)) {
          sink.accept(Decoding.HEX, decoded, start, i);
        }
      }
      i = Math.max(i, start + 1);
    }
  }

  private static int separator(String text, int i) {
    if (text.startsWith("\\x", i) || text.startsWith("0x", i)) {
      return 2;
    }
    if (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ':')) {
      return text.startsWith("\\x", i + 1) || text.startsWith("0x", i + 1) ? 3 : 1;
    }
    return 0;
  }

  private static boolean wordChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 128;
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  /** Octets of 0 and 1 separated by spaces, 6 or more, as "decode this binary" prompts give. */
  static void binary(String text, Sink sink) {
    int n = text.length();
    int i = text.indexOf("01");
    while (i >= 0 && i < n) {
      int start = i;
      StringBuilder bytes = new StringBuilder();
      while (i + 8 <= n && octet(text, i)) {
        bytes.append((char) Integer.parseInt(text.substring(i, i + 8), 2));
        i += 8;
        while (i < n && text.charAt(i) == ' ') {
          i++;
        }
      }
      if (bytes.length() >= 6) {
        String decoded = printable(bytes.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (decoded != null && words(decoded)) {
          sink.accept(Decoding.BINARY, decoded, start, i);
        }
      }
      i = text.indexOf("01", Math.max(i, start + 1));
    }
  }

  private static boolean octet(String text, int at) {
    for (int k = at; k < at + 8; k++) {
      char c = text.charAt(k);
      if (c != '0' && c != '1') {
        return false;
      }
    }
    return at + 8 == text.length() || !Character.isDigit(text.charAt(at + 8));
  }

  /** Dots and dashes, letters split by spaces and words by slashes, 20 chars or longer. */
  static void morse(String text, Sink sink) {
    int n = text.length();
    int start = -1;
    int marks = 0;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? text.charAt(i) : '\n';
      boolean mark = c == '.' || c == '-' || c == '·' || c == '−';
      boolean inRun = mark || c == ' ' || c == '/' || c == '|';
      if (inRun && start < 0 && mark) {
        start = i;
        marks = 0;
      }
      marks += mark && start >= 0 ? 1 : 0;
      if (!inRun && start >= 0) {
        String run = marks >= 15 ? text.substring(start, i).strip() : "";
        if (run.length() >= 20 && run.length() <= MAX_DECODE) {
          String decoded = decodeMorse(run);
          if (decoded != null) {
            sink.accept(Decoding.MORSE, decoded, start, start + run.length());
          }
        }
        start = -1;
      }
    }
  }

  private static String decodeMorse(String run) {
    StringBuilder out = new StringBuilder();
    int unknown = 0;
    for (String word : run.replace('·', '.').replace('−', '-').split("\\s*[/|]\\s*")) {
      for (String letter : word.trim().split(" +")) {
        if (letter.isEmpty()) {
          continue;
        }
        Character c = MORSE.get(letter);
        if (c == null) {
          unknown++;
        } else {
          out.append(c);
        }
      }
      out.append(' ');
    }
    return out.length() >= 6 && unknown * 5 <= out.length() ? out.toString().trim() : null;
  }

  /** The whole text rotated, where it names ROT13 or a Caesar shift, so its phrases are seen. */
  static void rot13(String text, Sink sink) {
    if (text.length() > MAX_DECODE * 4 || !namesRot13(text)) {
      return;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'a' && c <= 'z') {
        c = (char) ('a' + (c - 'a' + 13) % 26);
      } else if (c >= 'A' && c <= 'Z') {
        c = (char) ('A' + (c - 'A' + 13) % 26);
      }
      out.append(c);
    }
    sink.accept(Decoding.ROT13, out.toString(), 0, text.length());
  }

  private static boolean namesRot13(String text) {
    for (String rot : new String[] {"rot", "ROT", "Rot"}) {
      for (int at = text.indexOf(rot); at >= 0; at = text.indexOf(rot, at + 1)) {
        int digits =
            at + 3 < text.length() && (text.charAt(at + 3) == '-' || text.charAt(at + 3) == ' ')
                ? at + 4
                : at + 3;
        if (text.startsWith("13", digits)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Decoded bytes as text when nearly all of them are printable; null otherwise. */
  private static String printable(byte[] bytes) {
    if (bytes == null || bytes.length <= 8) {
      return null;
    }
    int printable = 0;
    for (byte b : bytes) {
      if (b >= 0x20 && b < 0x7f || b == '\n' || b == '\t' || b < 0) {
        printable++;
      }
    }
    return printable >= bytes.length * 0.9 ? new String(bytes, StandardCharsets.UTF_8) : null;
  }

  /** Whether decoded text reads as words: mostly letters and spaces, with a space in it. */
  static boolean words(String s) {
    int letters = 0;
    int spaces = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      letters += Character.isLetter(c) ? 1 : 0;
      spaces += c == ' ' ? 1 : 0;
    }
    return spaces >= 2 && (letters + spaces) * 10 >= s.length() * 8;
  }

  private static final java.util.Set<String> COMMON =
      java.util.Set.of(
          "the", "is", "and", "to", "of", "a", "what", "how", "you", "are", "in", "do", "can", "i",
          "me", "my", "your", "was", "for", "this", "that", "with", "it", "on", "tell");
  private static final java.util.Set<String> OPENERS =
      java.util.Set.of(
          "what",
          "how",
          "why",
          "where",
          "who",
          "which",
          "when",
          "can",
          "could",
          "tell",
          "give",
          "write",
          "explain",
          "describe",
          "ignore",
          "show",
          "list",
          "provide",
          "make",
          "create");

  /** Whether decoded text asks or orders: a question, or one opening with a wh-word or a verb. */
  static boolean request(String decoded) {
    String s = NormalizedText.asciiLower(decoded.strip());
    int space = s.indexOf(' ');
    return s.endsWith("?") || space > 0 && OPENERS.contains(s.substring(0, space));
  }

  /** Whether a rotated text has more common English words than the text as sent. */
  static boolean readsBetterRotated(String rotated) {
    StringBuilder back = new StringBuilder(rotated.length());
    for (int i = 0; i < rotated.length(); i++) {
      char c = rotated.charAt(i);
      if (c >= 'a' && c <= 'z') {
        c = (char) ('a' + (c - 'a' + 13) % 26);
      } else if (c >= 'A' && c <= 'Z') {
        c = (char) ('A' + (c - 'A' + 13) % 26);
      }
      back.append(c);
    }
    return common(rotated) >= 3 && common(rotated) > common(back.toString());
  }

  private static int common(String text) {
    int n = 0;
    for (String word : NormalizedText.asciiLower(text).split("[^a-z]+")) {
      n += COMMON.contains(word) ? 1 : 0;
    }
    return n;
  }

  private static boolean[] alphabet() {
    boolean[] in = new boolean[128];
    for (char c :
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray()) {
      in[c] = true;
    }
    return in;
  }

  private static Map<String, Character> morse() {
    String[] codes = {
      ".-", "-...", "-.-.", "-..", ".", "..-.", "--.", "....", "..", ".---", "-.-", ".-..", "--",
      "-.", "---", ".--.", "--.-", ".-.", "...", "-", "..-", "...-", ".--", "-..-", "-.--", "--..",
      "-----", ".----", "..---", "...--", "....-", ".....", "-....", "--...", "---..", "----.",
      ".-.-.-", "--..--", "..--..", "-.-.--"
    };
    String letters = "abcdefghijklmnopqrstuvwxyz0123456789.,?!";
    Map<String, Character> map = new HashMap<>();
    for (int i = 0; i < codes.length; i++) {
      map.put(codes[i], letters.charAt(i));
    }
    return Map.copyOf(map);
  }
}
