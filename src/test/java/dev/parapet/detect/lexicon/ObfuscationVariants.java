package dev.parapet.detect.lexicon;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes a lexicon term the ways people who write abuse disguise it now: look-alike letters of
 * other scripts, letters pulled apart by mixed punctuation, symbols or emoji, leet and spacing
 * together, markup inside the word, doubled and repeated letters, control characters inside the
 * word, traditional characters for simplified Chinese, and compositions of these. Each variant says
 * whether it applies to a term; a disguise that would not leave the term readable (letters that
 * have no look-alike, words too short to space out) does not apply.
 */
final class ObfuscationVariants {

  /** One way to disguise a term: empty when it does not apply to the term. */
  record Variant(String name, Function<String, Optional<String>> disguise) {}

  /**
   * Cyrillic look-alikes of Latin letters, as attackers pick them (test data, not the matcher's).
   */
  private static final Map<Character, String> CYRILLIC =
      Map.ofEntries(
          Map.entry('a', "а"),
          Map.entry('c', "с"),
          Map.entry('e', "е"),
          Map.entry('i', "і"),
          Map.entry('j', "ј"),
          Map.entry('o', "о"),
          Map.entry('p', "р"),
          Map.entry('s', "ѕ"),
          Map.entry('x', "х"),
          Map.entry('y', "у"),
          Map.entry('h', "һ"),
          Map.entry('d', "ԁ"));

  /** Greek look-alikes, for the variant that mixes a Greek letter into a word. */
  private static final Map<Character, String> GREEK =
      Map.of('o', "ο", 'i', "ι", 'v', "ν", 'a', "α", 'p', "ρ", 'u', "υ", 'k', "κ");

  private static final Map<Character, Character> LEET =
      Map.of('i', '!', 'o', '0', 't', '+', 'e', '3', 'a', '4', 's', '$', 'l', '1');

  private static final String[] SEPARATORS = {"*", ".", "_", "-", "~", "/", ",", "#"};
  private static final String[] SPACED_SEPARATORS = {" ", "~", "_", " ", ".", " - ", " "};
  private static final String[] EMOJI = {"🔥", "😀", "💀", "❤️", "👍🏽", "✨"};
  private static final String[] TAGS = {"b", "i", "em", "strong", "span", "u"};
  private static final String[] MARKS = {"**", "__", "`", "~~", "*", "_"};
  private static final String[] INVISIBLE = {"\u0000", "\ufffd", "\ue000", "\ud800", "\u200b"};
  private static final String[] CJK_SEPARATORS = {"🔥", "，", "*", " ", "·", "😀", "-"};

  private static Transliterator toTraditional;

  private ObfuscationVariants() {}

  /** Every variant, the plain term first. */
  static List<Variant> all() {
    List<Variant> v = new ArrayList<>();
    v.add(new Variant("plain", Optional::of));
    v.add(new Variant("confusable-some", t -> latin(t).flatMap(w -> confusable(w, false))));
    v.add(new Variant("confusable-all", t -> latin(t).flatMap(w -> confusable(w, true))));
    v.add(new Variant("confusable-greek", t -> latin(t).flatMap(ObfuscationVariants::greek)));
    v.add(new Variant("separators-mixed", t -> split(t, w -> join(w, SEPARATORS))));
    v.add(new Variant("separators-spaced", t -> split(t, w -> join(w, SPACED_SEPARATORS))));
    v.add(
        new Variant(
            "leet-spaced", t -> latin(t).flatMap(w -> split(w, ObfuscationVariants::leetSpaced))));
    v.add(new Variant("emoji", t -> split(t, w -> join(w, EMOJI))));
    v.add(new Variant("markup-html", t -> alphabetic(t).flatMap(ObfuscationVariants::html)));
    v.add(new Variant("markup-md", t -> alphabetic(t).flatMap(ObfuscationVariants::markdown)));
    v.add(new Variant("doubled-all", t -> alphabetic(t).map(ObfuscationVariants::doubleAll)));
    v.add(new Variant("doubled-one", t -> alphabetic(t).flatMap(ObfuscationVariants::doubleOne)));
    v.add(new Variant("repeated", t -> alphabetic(t).map(ObfuscationVariants::repeat)));
    v.add(new Variant("invisible-controls", t -> alphabetic(t).map(ObfuscationVariants::controls)));
    v.add(new Variant("traditional", ObfuscationVariants::traditional));
    v.add(new Variant("cjk-separated", t -> han(t).map(w -> join(w, CJK_SEPARATORS))));
    v.add(
        new Variant(
            "combo-leet-separators-confusable",
            t -> latin(t).flatMap(w -> split(w, ObfuscationVariants::leetSeparatedConfusable))));
    v.add(
        new Variant(
            "combo-width-accents-stretch-confusable",
            t -> latin(t).flatMap(ObfuscationVariants::widthAccentsStretchConfusable)));
    return v;
  }

  /** The term when it is written in lower-case ASCII letters and spaces only. */
  private static Optional<String> latin(String term) {
    String t = term.toLowerCase(Locale.ROOT);
    return t.chars().allMatch(c -> c >= 'a' && c <= 'z' || c == ' ') && t.trim().length() > 1
        ? Optional.of(t)
        : Optional.empty();
  }

  /** The term when it is words of letters of an alphabet (not CJK), spaces between. */
  private static Optional<String> alphabetic(String term) {
    String t = term.toLowerCase(Locale.ROOT);
    boolean ok =
        t.codePoints().allMatch(c -> c == ' ' || Character.isLetter(c) && !isCjk(c))
            && t.codePoints().filter(Character::isLetter).count() >= 2;
    return ok ? Optional.of(t) : Optional.empty();
  }

  private static Optional<String> han(String term) {
    boolean ok =
        term.codePointCount(0, term.length()) >= 2 && term.codePoints().allMatch(c -> isCjk(c));
    return ok ? Optional.of(term) : Optional.empty();
  }

  private static boolean isCjk(int c) {
    Character.UnicodeScript s = Character.UnicodeScript.of(c);
    return s == Character.UnicodeScript.HAN
        || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA
        || s == Character.UnicodeScript.HANGUL;
  }

  /**
   * Pulls one word of the term apart (its longest, of three letters or more: a spaced-out word
   * needs three letters to read as one), leaving the other words as they are.
   */
  private static Optional<String> split(String term, Function<String, String> pullApart) {
    Optional<String> t = alphabetic(term);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    String[] words = t.get().split(" ");
    int longest = 0;
    for (int i = 1; i < words.length; i++) {
      if (words[i].codePointCount(0, words[i].length())
          > words[longest].codePointCount(0, words[longest].length())) {
        longest = i;
      }
    }
    if (words[longest].codePointCount(0, words[longest].length()) < 3) {
      return Optional.empty();
    }
    words[longest] = pullApart.apply(words[longest]);
    return Optional.of(String.join(" ", words));
  }

  private static String join(String word, String[] separators) {
    StringBuilder out = new StringBuilder();
    int[] cps = word.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      if (i > 0) {
        out.append(separators[(i - 1 + word.length()) % separators.length]);
      }
      out.appendCodePoint(cps[i]);
    }
    return out.toString();
  }

  private static Optional<String> confusable(String term, boolean all) {
    StringBuilder out = new StringBuilder();
    boolean changed = false;
    for (char c : term.toCharArray()) {
      String look = CYRILLIC.get(c);
      if (look != null && (all || !changed)) {
        out.append(look);
        changed = true;
      } else {
        out.append(c);
      }
    }
    return changed ? Optional.of(out.toString()) : Optional.empty();
  }

  private static Optional<String> greek(String term) {
    for (int i = term.length() - 1; i >= 0; i--) {
      String look = GREEK.get(term.charAt(i));
      if (look != null) {
        return Optional.of(term.substring(0, i) + look + term.substring(i + 1));
      }
    }
    return Optional.empty();
  }

  /** {@code ! d ! 0 +}: leet chars for the letters that have one, spaced; one letter stays real. */
  private static String leetSpaced(String word) {
    StringBuilder out = new StringBuilder();
    boolean real = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      Character leet = LEET.get(c);
      boolean keep = leet == null || !real && i == word.length() - 1;
      real |= keep;
      out.append(i > 0 ? " " : "").append(keep ? c : leet);
    }
    return out.toString();
  }

  private static String leetSeparatedConfusable(String word) {
    StringBuilder out = new StringBuilder();
    boolean leetDone = false;
    boolean lookDone = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      String letter = String.valueOf(c);
      if (!lookDone && CYRILLIC.containsKey(c)) {
        letter = CYRILLIC.get(c);
        lookDone = true;
      } else if (!leetDone && LEET.containsKey(c) && Character.isDigit(LEET.get(c))) {
        letter = String.valueOf(LEET.get(c));
        leetDone = true;
      }
      out.append(i > 0 ? SEPARATORS[i % SEPARATORS.length] : "").append(letter);
    }
    return out.toString();
  }

  /** Full-width first letter, an accent on the second, a look-alike, the last letter stretched. */
  private static Optional<String> widthAccentsStretchConfusable(String term) {
    StringBuilder out = new StringBuilder();
    boolean look = false;
    for (int i = 0; i < term.length(); i++) {
      char c = term.charAt(i);
      if (c == ' ') {
        out.append(c);
      } else if (i == 0) {
        out.append((char) (c - 'a' + 'ａ'));
      } else if (i == 1) {
        out.append(c).append('\u0301');
      } else if (!look && CYRILLIC.containsKey(c)) {
        out.append(CYRILLIC.get(c));
        look = true;
      } else if (i == term.length() - 1) {
        out.append(String.valueOf(c).repeat(4));
      } else {
        out.append(c);
      }
    }
    return term.length() >= 3 ? Optional.of(out.toString()) : Optional.empty();
  }

  private static Optional<String> html(String term) {
    int at = firstLetter(term);
    String tag = TAGS[term.length() % TAGS.length];
    int end = at + Character.charCount(term.codePointAt(at));
    if (end >= term.length() || term.charAt(end) == ' ') {
      return Optional.empty();
    }
    return Optional.of(
        term.substring(0, at)
            + "<"
            + tag
            + ">"
            + term.substring(at, end)
            + "</"
            + tag
            + ">"
            + term.substring(end));
  }

  /** {@code **i**diot} and the like: the first letter marked up, or two letters in the middle. */
  private static Optional<String> markdown(String term) {
    String mark = MARKS[term.length() % MARKS.length];
    String word = term.split(" ")[0];
    int[] cps = word.codePoints().toArray();
    if (cps.length < 3) {
      return Optional.empty();
    }
    String rest = term.substring(word.length());
    StringBuilder out = new StringBuilder();
    if (term.length() % 2 == 0) {
      out.append(mark).appendCodePoint(cps[0]).append(mark);
      for (int i = 1; i < cps.length; i++) {
        out.appendCodePoint(cps[i]);
      }
    } else {
      out.appendCodePoint(cps[0]).append(mark).appendCodePoint(cps[1]).append(mark);
      for (int i = 2; i < cps.length; i++) {
        out.appendCodePoint(cps[i]);
      }
    }
    return Optional.of(out + rest);
  }

  private static boolean doublesALetter(int[] cps) {
    for (int i = 1; i < cps.length; i++) {
      if (Character.isLetter(cps[i]) && cps[i] == cps[i - 1]) {
        return true;
      }
    }
    return false;
  }

  private static String doubleAll(String term) {
    StringBuilder out = new StringBuilder();
    term.codePoints().forEach(c -> out.append(Character.toString(c).repeat(c == ' ' ? 1 : 2)));
    return out.toString();
  }

  /**
   * One letter doubled that the term has single: a term of four letters or more that doubles no
   * letter of its own.
   */
  private static Optional<String> doubleOne(String term) {
    int[] cps = term.codePoints().toArray();
    long letters = term.codePoints().filter(Character::isLetter).count();
    if (letters < 4 || doublesALetter(cps)) {
      return Optional.empty(); // the matcher reads one doubled letter only into terms without one
    }
    for (int i = cps.length / 2; i < cps.length; i++) {
      boolean single =
          Character.isLetter(cps[i])
              && (i == 0 || cps[i - 1] != cps[i])
              && (i + 1 == cps.length || cps[i + 1] != cps[i]);
      if (single) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < cps.length; k++) {
          out.appendCodePoint(cps[k]);
          if (k == i) {
            out.appendCodePoint(cps[k]);
          }
        }
        return Optional.of(out.toString());
      }
    }
    return Optional.empty();
  }

  private static String repeat(String term) {
    int[] cps = term.codePoints().toArray();
    int at = cps.length / 2;
    while (at > 0 && !Character.isLetter(cps[at])) {
      at--;
    }
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < cps.length; k++) {
      out.appendCodePoint(cps[k]);
      if (k == at) {
        out.appendCodePoint(cps[k]).appendCodePoint(cps[k]).appendCodePoint(cps[k]);
      }
    }
    return out.toString();
  }

  /** NUL, U+FFFD, a private-use char, an unpaired surrogate or a zero-width space in the word. */
  private static String controls(String term) {
    int[] cps = term.codePoints().toArray();
    int at = Math.max(1, cps.length / 2);
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < cps.length; k++) {
      if (k == at) {
        out.append(INVISIBLE[term.length() % INVISIBLE.length]);
      }
      out.appendCodePoint(cps[k]);
    }
    return out.toString();
  }

  /** A simplified Chinese term in traditional characters, when that changes it. */
  private static synchronized Optional<String> traditional(String term) {
    if (han(term).isEmpty()) {
      return Optional.empty();
    }
    if (toTraditional == null) {
      toTraditional = Transliterator.getInstance("Simplified-Traditional");
    }
    String t = toTraditional.transliterate(term);
    return t.equals(term) ? Optional.empty() : Optional.of(t);
  }

  private static int firstLetter(String s) {
    int i = 0;
    while (i < s.length() && !Character.isLetter(s.codePointAt(i))) {
      i++;
    }
    return i;
  }
}
