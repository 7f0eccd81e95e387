package dev.parapet.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalizerTest {

  private final Normalizer normalizer = new Normalizer();

  private String norm(String s) {
    return normalizer.normalize(s).text();
  }

  private Span spanOf(String original, String word) {
    NormalizedText text = normalizer.normalize(original);
    int at = text.text().indexOf(word);
    assertThat(at).as("'%s' in '%s'", word, text.text()).isNotNegative();
    return text.toOriginal(at, at + word.length());
  }

  @Test
  void lowerCasesWithoutChangingLength() {
    assertThat(norm("Hello WORLD")).isEqualTo("hello world");
  }

  @Test
  void removesInvisibleCharacters() {
    assertThat(norm("bo\u200bmb")).isEqualTo("bomb");
    assertThat(norm("b\u200do\u2060m\ufeffb")).isEqualTo("bomb");
    assertThat(norm("\u202ebomb\u202c")).isEqualTo("bomb");
    assertThat(norm("bo\u00admb")).isEqualTo("bomb");
    assertThat(norm("b\udb40\udc41omb")).isEqualTo("bomb"); // a Unicode tag character
    assertThat(norm("bo\ufe0fmb")).isEqualTo("bomb");
  }

  @Test
  void foldsCompatibilityForms() {
    assertThat(norm("ｂｏｍｂ")).isEqualTo("bomb");
    assertThat(norm("𝐛𝐨𝐦𝐛")).isEqualTo("bomb");
    assertThat(norm("ﬁre")).isEqualTo("fire");
    assertThat(norm("ⓑⓞⓜⓑ")).isEqualTo("bomb");
  }

  @Test
  void stripsDiacriticsComposedOrCombining() {
    assertThat(norm("bömb")).isEqualTo("bomb");
    assertThat(norm("bo\u0308mb")).isEqualTo("bomb");
    assertThat(norm("Ça")).isEqualTo("ca");
  }

  @Test
  void keepsChineseKanaAndHangulIntact() {
    assertThat(norm("制作炸弹")).isEqualTo("制作炸弹");
    assertThat(norm("がっこう")).isEqualTo("がっこう");
    assertThat(norm("한국어")).isEqualTo("한국어");
    assertThat(norm("ｶﾞ")).isEqualTo("ガ");
  }

  @Test
  void readsLeetspeakInsideWordsOnly() {
    assertThat(norm("h4te k1ll $hit @ss b0mb 7error")).isEqualTo("hate kill shit ass bomb terror");
    assertThat(norm("in 2024 it cost $5")).isEqualTo("in 2024 it cost $5");
  }

  @Test
  void joinsSpacedOutLetters() {
    assertThat(norm("b o m b")).isEqualTo("bomb");
    assertThat(norm("b.o.m.b")).isEqualTo("bomb");
    assertThat(norm("make a b-o-m-b now")).isEqualTo("make a bomb now");
    assertThat(norm("b_o_m_b")).isEqualTo("bomb");
    assertThat(norm("b * o * m * b")).isEqualTo("bomb");
    assertThat(norm("build a b o m b")).isEqualTo("build a\u2063bomb");
    assertThat(norm("a t t a c k")).isEqualTo("a\u2063ttack");
  }

  @Test
  void leavesOrdinaryShortWordsAlone() {
    assertThat(norm("I am a cat")).isEqualTo("i am a cat");
    assertThat(norm("a b")).isEqualTo("a b");
  }

  @Test
  void mapsBackToOriginalCodePoints() {
    assertThat(spanOf("😀 ｂöMB!", "bomb")).isEqualTo(new Span(2, 6));
    assertThat(spanOf("x b . o . m . b y", "bomb")).isEqualTo(new Span(2, 15));
    assertThat(spanOf("😀😀 pipe bomb", "bomb")).isEqualTo(new Span(8, 12));
  }

  @Test
  void trailingCombiningMarkBelongsToTheWord() {
    assertThat(spanOf("bomb\u0301 now", "bomb")).isEqualTo(new Span(0, 5));
  }

  @Test
  void loneSurrogatesPassThrough() {
    NormalizedText text = normalizer.normalize("a\ud800b");
    assertThat(text.text()).isEqualTo("a\ud800b");
    assertThat(text.originalLength()).isEqualTo(3);
  }

  @Test
  void theLoweredOriginalKeepsEveryIndexOfTheOriginal() {
    String original = "Card: ÄBC 4111 — SSN ＡＢ";
    NormalizedText text = normalizer.normalize(original);
    String lowered = text.originalAsciiLower();
    assertThat(lowered).isEqualTo("card: Äbc 4111 — ssn ＡＢ");
    assertThat(lowered).hasSameSizeAs(original);
    assertThat(text.originalAsciiLower()).isSameAs(lowered);
  }

  @Test
  void aTextWithNothingToLowerIsItsOwnLoweredForm() {
    String original = "nothing to lower here — 123";
    assertThat(NormalizedText.asciiLower(original)).isSameAs(original);
  }

  @Test
  void theLoweredLatin1ViewLowersOnlyAsciiLettersAndKeepsEveryIndex() {
    String original = "CALL Café 密钥 NAÏVE 😀 Año!";
    NormalizedText text = normalizer.normalize(original);
    String view = text.originalLatin1AsciiLower();

    assertThat(view).isEqualTo(NormalizedText.asciiLower(text.originalLatin1()));
    assertThat(view).startsWith("call café ").contains(" naÏve ").endsWith(" año!");
    assertThat(view.indexOf("año")).isEqualTo(original.indexOf("Año"));
    assertThat(text.originalLatin1AsciiLower()).isSameAs(view);
    NormalizedText latin = normalizer.normalize("Plain LATIN-1, café");
    assertThat(latin.originalLatin1AsciiLower()).isSameAs(latin.originalAsciiLower());
  }

  @Test
  void theLatin1ViewKeepsEveryIndexAndReplacesOnlyWiderChars() {
    String original = "Café 密钥 naïve sk-x 😀 año!";
    String view = normalizer.normalize(original).originalLatin1();

    assertThat(view).hasSameSizeAs(original);
    for (int i = 0; i < original.length(); i++) {
      char c = original.charAt(i);
      assertThat(view.charAt(i)).isEqualTo(c <= 0xFF ? c : NormalizedText.NOT_LATIN1);
    }
    assertThat(view.indexOf("sk-")).isEqualTo(original.indexOf("sk-"));
    String latin = "Café, naïve, 100 €?".replace("€", "£");
    assertThat(NormalizedText.latin1(latin)).isSameAs(latin);
  }

  @Test
  void theOffsetMapSurvivesTheBufferHandingItsArraysOver() {
    // a text that keeps its length (arrays handed over) and one that shrinks (arrays copied)
    NormalizedText same = normalizer.normalize("Hello");
    assertThat(same.text()).isEqualTo("hello");
    assertThat(same.toOriginal(1, 5)).isEqualTo(new Span(1, 5));
    NormalizedText shrunk = normalizer.normalize("a\u200bb c");
    assertThat(shrunk.text()).isEqualTo("ab c");
    assertThat(shrunk.toOriginal(1, 2)).isEqualTo(new Span(2, 3));
  }
}
