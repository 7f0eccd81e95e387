package dev.parapet.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NormalizerProperties {

  private final Normalizer normalizer = new Normalizer();

  @Provide
  Arbitrary<String> anyText() {
    Arbitrary<String> pieces =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(8),
            Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(6),
            Arbitraries.of(
                "😀",
                "👩‍👩‍👧",
                "🇫🇷",
                "中文",
                "炸弹",
                "e\u0301",
                "\u0308",
                "\u200b",
                "\u202e",
                "\udb40\udc41",
                "\ud800",
                "\udc00",
                "ｂ",
                "𝐛",
                " ",
                ".",
                "4",
                "@",
                "İ",
                "ß",
                "ﬁ",
                "ｶﾞ",
                "한"));
    return pieces.list().ofMaxSize(30).map(parts -> String.join("", parts));
  }

  @Property(tries = 500)
  void everyNormalizedCharMapsInsideTheOriginal(@ForAll("anyText") String original) {
    NormalizedText text = normalizer.normalize(original);
    int length = original.codePointCount(0, original.length());
    assertThat(text.originalLength()).isEqualTo(length);
    int previousStart = 0;
    for (int i = 0; i < text.text().length(); i++) {
      assertThat(text.originalStart(i)).isBetween(0, length - 1);
      assertThat(text.originalEnd(i)).isBetween(text.originalStart(i) + 1, length);
      assertThat(text.originalStart(i)).isGreaterThanOrEqualTo(previousStart);
      previousStart = text.originalStart(i);
    }
  }

  /** A slice, and a slice of that slice, map each char as the whole does, less where they start. */
  @Property(tries = 500)
  void aSliceMapsLikeItsWhole(
      @ForAll("anyText") String original, @ForAll double cut, @ForAll double cutAgain) {
    NormalizedText whole = normalizer.normalize(original);
    int size = whole.text().length();
    if (size < 2) {
      return;
    }
    int from = (int) Math.floor(Math.abs(cut) % 1 * (size - 1));
    NormalizedText slice = whole.slice(from, size, charIndex(original, whole.originalStart(from)));
    int startCp = whole.originalStart(from);
    assertThat(slice.text()).isEqualTo(whole.text().substring(from));
    int endCp = startCp;
    for (int i = from; i < size; i++) {
      endCp = Math.max(endCp, whole.originalEnd(i));
    }
    // the slice's original ends where its last char's source does
    assertThat(slice.original())
        .isEqualTo(original.substring(charIndex(original, startCp), charIndex(original, endCp)));
    assertThat(slice.originalLength()).isEqualTo(endCp - startCp);
    for (int i = 0; i < slice.text().length(); i++) {
      assertThat(slice.originalStart(i)).isEqualTo(whole.originalStart(from + i) - startCp);
      assertThat(slice.originalEnd(i)).isEqualTo(whole.originalEnd(from + i) - startCp);
    }
    int inner = (int) Math.floor(Math.abs(cutAgain) % 1 * (slice.text().length() - 1));
    NormalizedText again =
        slice.slice(
            inner, slice.text().length(), charIndex(slice.original(), slice.originalStart(inner)));
    assertThat(again.toOriginal(0, again.text().length()))
        .isEqualTo(
            new Span(
                whole.toOriginal(from + inner, size).start() - whole.originalStart(from + inner),
                whole.toOriginal(from + inner, size).end() - whole.originalStart(from + inner)));
  }

  private static int charIndex(String s, int codePoint) {
    return s.offsetByCodePoints(0, codePoint);
  }

  /** A word hidden by one of the obfuscations, with where it starts and ends. */
  record Hidden(String text, int startCp, int endCp) {}

  @Provide
  Arbitrary<String> obfuscation() {
    return Arbitraries.of(
        "upper",
        "fullwidth",
        "zerowidth",
        "diacritic",
        "leet",
        "spaced",
        "dotted",
        "combining",
        "bidi",
        "math");
  }

  static String obfuscate(String word, String how) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      boolean last = i == word.length() - 1;
      switch (how) {
        case "upper" -> out.append(Character.toUpperCase(c));
        case "fullwidth" -> out.append((char) (c - 'a' + 'ａ'));
        case "zerowidth" -> out.append(c).append(last ? "" : "\u200b");
        case "diacritic" -> out.append(c == 'o' ? 'ö' : c == 'a' ? 'á' : c);
        case "leet" -> out.append(c == 'o' ? '0' : c == 'e' ? '3' : c == 'a' ? '4' : c);
        case "spaced" -> out.append(c).append(last ? "" : " ");
        case "dotted" -> out.append(c).append(last ? "" : ".");
        case "combining" -> out.append(c).append('\u0301');
        case "bidi" -> out.append(i == 0 ? "\u202e" : "").append(c);
        case "math" -> out.appendCodePoint(0x1D41A + (c - 'a'));
        default -> throw new IllegalArgumentException(how);
      }
    }
    return out.toString();
  }

  @Property(tries = 500)
  void seesThroughObfuscationAndMapsBackToExactlyIt(
      @ForAll("prose") String before,
      @ForAll("prose") String after,
      @ForAll("words") String word,
      @ForAll("obfuscation") String how) {
    String hidden = obfuscate(word, how);
    String original = before + " " + hidden + " " + after;
    int startCp = original.codePointCount(0, before.length() + 1);
    if (how.equals("bidi")) {
      startCp++; // the override char before the word is invisible, not part of it
    }
    int endCp = original.codePointCount(0, before.length() + 1 + hidden.length());
    NormalizedText text = normalizer.normalize(original);
    int[] found = find(text.text(), word);
    assertThat(found).as("'%s' in '%s'", word, text.text()).isNotNull();
    Span span = text.toOriginal(found[0], found[1]);
    assertThat(span).isEqualTo(new Span(startCp, endCp));
  }

  /** Finds a whole word, reading soft boundaries as nothing; null when absent. */
  static int[] find(String text, String word) {
    for (int p = 0; p < text.length(); p++) {
      boolean boundaryBefore =
          p == 0 || text.charAt(p - 1) == ' ' || text.charAt(p - 1) == NormalizedText.SOFT_BOUNDARY;
      if (!boundaryBefore) {
        continue;
      }
      int i = p;
      int k = 0;
      while (i < text.length() && k < word.length()) {
        char c = text.charAt(i);
        if (c == NormalizedText.SOFT_BOUNDARY && k > 0) {
          i++;
        } else if (c == word.charAt(k)) {
          i++;
          k++;
        } else {
          break;
        }
      }
      if (k == word.length() && (i == text.length() || text.charAt(i) == ' ')) {
        return new int[] {p, i};
      }
    }
    return null;
  }

  @Provide
  Arbitrary<String> words() {
    return Arbitraries.of("bomb", "hate", "attack", "poison", "weapon");
  }

  @Provide
  Arbitrary<String> prose() {
    Arbitrary<String> word =
        Arbitraries.of("the", "quiet", "river", "runs", "through", "town", "中文", "😀", "ok");
    return word.list()
        .ofMinSize(1)
        .ofMaxSize(6)
        .map(w -> String.join(" ", w).toLowerCase(Locale.ROOT));
  }

  @Property(tries = 100)
  void normalizationIsIdempotentOnItsOwnOutput(@ForAll("anyText") String original) {
    String once = normalizer.normalize(original).text();
    String twice = normalizer.normalize(once).text();
    List<String> both = List.of(once, twice);
    assertThat(both.get(1).length()).isLessThanOrEqualTo(both.get(0).length());
  }
}
