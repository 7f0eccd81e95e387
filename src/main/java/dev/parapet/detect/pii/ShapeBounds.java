package dev.parapet.detect.pii;

import java.util.ArrayList;
import java.util.List;

/**
 * What a whole match of a built-in shape can look like: how long it can be and which kinds of
 * character it can contain. A candidate outside these bounds is skipped without running the regex;
 * in dense text most (candidate, shape) pairs end here.
 *
 * <p>Read from the shape's own regex. Only the plain subset the built-in shapes use is understood
 * (literals, {@code \d}, classes, groups, alternation, counted repeats); anything else gives {@link
 * #ANY}, which skips nothing, so a misread can only cost speed, never a finding.
 */
record ShapeBounds(int minLength, int maxLength, int kinds) {

  static final int DIGIT = 1;
  static final int LOWER = 1 << 1;
  static final int UPPER = 1 << 2;
  static final int SPACE = 1 << 3;
  static final int DASH = 1 << 4;
  static final int DOT = 1 << 5;
  static final int SLASH = 1 << 6;
  static final int PLUS = 1 << 7;
  static final int OPEN = 1 << 8;
  static final int CLOSE = 1 << 9;
  static final int OTHER = 1 << 10;
  static final int UNBOUNDED = Integer.MAX_VALUE;

  static final ShapeBounds ANY = new ShapeBounds(0, UNBOUNDED, (OTHER << 1) - 1);

  /** Whether a candidate of this length, made of these kinds of character, could match. */
  boolean admits(int length, int kindsOfCandidate) {
    return length >= minLength && length <= maxLength && (kindsOfCandidate & ~kinds) == 0;
  }

  /** The kind of each ASCII character; every other character is {@link #OTHER}. */
  private static final short[] ASCII_KINDS = new short[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_KINDS[c] = (short) kindOfAscii(c);
    }
  }

  static int kindOf(char c) {
    return c < 128 ? ASCII_KINDS[c] : OTHER;
  }

  private static int kindOfAscii(char c) {
    if (c >= '0' && c <= '9') {
      return DIGIT;
    }
    if (c >= 'a' && c <= 'z') {
      return LOWER;
    }
    if (c >= 'A' && c <= 'Z') {
      return UPPER;
    }
    return switch (c) {
      case ' ' -> SPACE;
      case '-' -> DASH;
      case '.' -> DOT;
      case '/' -> SLASH;
      case '+' -> PLUS;
      case '(' -> OPEN;
      case ')' -> CLOSE;
      default -> OTHER;
    };
  }

  /** The kinds of character in {@code text[start, end)}. */
  static int kindsOf(CharSequence text, int start, int end) {
    int kinds = 0;
    for (int i = start; i < end; i++) {
      kinds |= kindOf(text.charAt(i));
    }
    return kinds;
  }

  /** The bounds of {@code regex}, or {@link #ANY} where it uses syntax this reader leaves alone. */
  static ShapeBounds of(String regex) {
    Node shape = parse(regex);
    return shape == null ? ANY : shape.bounds();
  }

  /** The regex as a tree, or null where it uses syntax outside the plain subset. */
  static Node parse(String regex) {
    Reader reader = new Reader(regex);
    try {
      Node node = reader.alternation();
      return reader.atEnd() ? node : null;
    } catch (Unsupported e) {
      return null;
    }
  }

  /** A piece of a shape. */
  sealed interface Node {
    ShapeBounds bounds();
  }

  /** One character out of a set; {@code chars[c]} for each ASCII character it may be. */
  record OneOf(boolean[] chars) implements Node {
    @Override
    public ShapeBounds bounds() {
      int kinds = 0;
      for (char c = 0; c < 128; c++) {
        if (chars[c]) {
          kinds |= kindOf(c);
        }
      }
      return new ShapeBounds(1, 1, kinds);
    }
  }

  record Sequence(List<Node> parts) implements Node {
    @Override
    public ShapeBounds bounds() {
      int min = 0;
      int max = 0;
      int kinds = 0;
      for (Node part : parts) {
        ShapeBounds b = part.bounds();
        min = add(min, b.minLength);
        max = add(max, b.maxLength);
        kinds |= b.kinds;
      }
      return new ShapeBounds(min, max, kinds);
    }
  }

  record Either(List<Node> choices) implements Node {
    @Override
    public ShapeBounds bounds() {
      int min = UNBOUNDED;
      int max = 0;
      int kinds = 0;
      for (Node choice : choices) {
        ShapeBounds b = choice.bounds();
        min = Math.min(min, b.minLength);
        max = Math.max(max, b.maxLength);
        kinds |= b.kinds;
      }
      return new ShapeBounds(min, max, kinds);
    }
  }

  /** {@code body} repeated {@code min} to {@code max} times ({@link #UNBOUNDED} for no limit). */
  record Repeat(Node body, int min, int max) implements Node {
    @Override
    public ShapeBounds bounds() {
      ShapeBounds b = body.bounds();
      if (max == 0) {
        return new ShapeBounds(0, 0, 0);
      }
      return new ShapeBounds(times(b.minLength, min), times(b.maxLength, max), b.kinds);
    }
  }

  private static int add(int a, int b) {
    return a == UNBOUNDED || b == UNBOUNDED ? UNBOUNDED : (int) Math.min(UNBOUNDED, (long) a + b);
  }

  private static int times(int length, int count) {
    if (length == 0 || count == 0) {
      return 0;
    }
    return length == UNBOUNDED || count == UNBOUNDED
        ? UNBOUNDED
        : (int) Math.min(UNBOUNDED, (long) length * count);
  }

  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  /** A recursive-descent reader of the plain subset. */
  private static final class Reader {
    private final String regex;
    private int at;

    Reader(String regex) {
      this.regex = regex;
    }

    boolean atEnd() {
      return at == regex.length();
    }

    Node alternation() {
      List<Node> choices = new ArrayList<>();
      choices.add(sequence());
      while (!atEnd() && regex.charAt(at) == '|') {
        at++;
        choices.add(sequence());
      }
      return choices.size() == 1 ? choices.get(0) : new Either(choices);
    }

    private Node sequence() {
      List<Node> parts = new ArrayList<>();
      while (!atEnd() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
        parts.add(quantified(atom()));
      }
      return parts.size() == 1 ? parts.get(0) : new Sequence(parts);
    }

    private Node atom() {
      char c = regex.charAt(at++);
      switch (c) {
        case '(' -> {
          if (regex.startsWith("?", at)) {
            if (!regex.startsWith("?:", at)) {
              throw new Unsupported(); // flags, look-arounds, named groups
            }
            at += 2;
          }
          Node inner = alternation();
          expect(')');
          return inner;
        }
        case '[' -> {
          return characterClass();
        }
        case '\\' -> {
          return escape(false);
        }
        case '.', '^', '$', '*', '+', '?', '{', '}', ']' -> throw new Unsupported();
        default -> {
          return single(c);
        }
      }
    }

    private Node quantified(Node atom) {
      if (atEnd()) {
        return atom;
      }
      int min;
      int max;
      char c = regex.charAt(at);
      if (c == '?') {
        min = 0;
        max = 1;
        at++;
      } else if (c == '*') {
        min = 0;
        max = UNBOUNDED;
        at++;
      } else if (c == '+') {
        min = 1;
        max = UNBOUNDED;
        at++;
      } else if (c == '{') {
        at++;
        min = number();
        max = min;
        if (!atEnd() && regex.charAt(at) == ',') {
          at++;
          max = !atEnd() && regex.charAt(at) == '}' ? UNBOUNDED : number();
        }
        expect('}');
        if (max < min) {
          throw new Unsupported();
        }
      } else {
        return atom;
      }
      if (!atEnd() && regex.charAt(at) == '?') {
        at++; // lazy: the same strings match as a whole
      }
      if (!atEnd() && "?*+{".indexOf(regex.charAt(at)) >= 0) {
        // possessive, or a repeat of a repeat
        throw new Unsupported();
      }
      return new Repeat(atom, min, max);
    }

    private int number() {
      int start = at;
      while (!atEnd() && regex.charAt(at) >= '0' && regex.charAt(at) <= '9' && at - start < 6) {
        at++;
      }
      if (at == start) {
        throw new Unsupported();
      }
      return Integer.parseInt(regex.substring(start, at));
    }

    private Node characterClass() {
      boolean[] chars = new boolean[128];
      if (!atEnd() && regex.charAt(at) == '^') {
        throw new Unsupported(); // a negated class reaches beyond ASCII
      }
      boolean first = true;
      while (true) {
        if (atEnd()) {
          throw new Unsupported();
        }
        char c = regex.charAt(at);
        if (c == ']') {
          if (first) {
            throw new Unsupported(); // "[]…]": read differently by different engines
          }
          at++;
          return new OneOf(chars);
        }
        if (c == '[' || c == '&' && regex.startsWith("&&", at)) {
          throw new Unsupported();
        }
        first = false;
        at++;
        char low;
        if (c == '\\') {
          OneOf escaped = escape(true);
          if (!isSingle(escaped)) {
            if (regex.startsWith("-", at) && !regex.startsWith("-]", at)) {
              throw new Unsupported(); // a range from a class
            }
            merge(chars, escaped);
            continue;
          }
          low = singleChar(escaped);
        } else {
          low = c;
        }
        if (regex.startsWith("-", at) && at + 1 < regex.length() && regex.charAt(at + 1) != ']') {
          at++;
          char high = regex.charAt(at++);
          if (high == '\\') {
            OneOf escaped = escape(true);
            if (!isSingle(escaped)) {
              throw new Unsupported();
            }
            high = singleChar(escaped);
          }
          if (high < low || high >= 128) {
            throw new Unsupported();
          }
          for (char x = low; x <= high; x++) {
            chars[x] = true;
          }
        } else {
          if (low >= 128) {
            throw new Unsupported();
          }
          chars[low] = true;
        }
      }
    }

    private OneOf escape(boolean inClass) {
      if (atEnd()) {
        throw new Unsupported();
      }
      char c = regex.charAt(at++);
      if (c == 'd') {
        boolean[] digits = new boolean[128];
        for (char x = '0'; x <= '9'; x++) {
          digits[x] = true;
        }
        return new OneOf(digits);
      }
      // escaped punctuation stands for itself; letters and digits are classes, anchors or
      // back-references this reader does not follow
      if (c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c)) {
        return single(c);
      }
      throw new Unsupported();
    }

    private static OneOf single(char c) {
      if (c >= 128) {
        throw new Unsupported();
      }
      boolean[] chars = new boolean[128];
      chars[c] = true;
      return new OneOf(chars);
    }

    private static boolean isSingle(OneOf set) {
      int n = 0;
      for (boolean b : set.chars()) {
        n += b ? 1 : 0;
      }
      return n == 1;
    }

    private static char singleChar(OneOf set) {
      for (char c = 0; c < 128; c++) {
        if (set.chars()[c]) {
          return c;
        }
      }
      throw new IllegalStateException();
    }

    private static void merge(boolean[] into, OneOf set) {
      for (int c = 0; c < 128; c++) {
        into[c] |= set.chars()[c];
      }
    }

    private void expect(char c) {
      if (atEnd() || regex.charAt(at) != c) {
        throw new Unsupported();
      }
      at++;
    }
  }
}
