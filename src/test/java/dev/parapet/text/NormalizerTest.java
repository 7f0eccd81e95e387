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
    // a soft boundary after the article: matchers read "a bomb" and "abomb" alike
    assertThat(norm("make a b-o-m-b now")).isEqualTo("make a\u2063bomb now");
    assertThat(norm("b_o_m_b")).isEqualTo("bomb");
    assertThat(norm("b * o * m * b")).isEqualTo("bomb");
    assertThat(norm("build a b o m b")).isEqualTo("build a\u2063bomb");
    assertThat(norm("a t t a c k")).isEqualTo("a\u2063ttack");
  }

  @Test
  void aWiderBlankBetweenSpacedLettersEndsAWord() {
    assertThat(norm("n a i l  b o m b")).isEqualTo("nail\u2063bomb");
    assertThat(norm("b o m b")).isEqualTo("bomb");
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
  void anUnpairedSurrogateInsideAWordIsSeenThrough() {
    NormalizedText text = normalizer.normalize("pipe b\ud800omb");
    assertThat(text.text()).isEqualTo("pipe bomb");
    assertThat(text.originalLength()).isEqualTo(10);
    assertThat(spanOf("pipe b\udc00omb", "bomb")).isEqualTo(new Span(5, 10));
  }

  @Test
  void aNulInsideAWordIsSeenThrough() {
    assertThat(norm("p\u0000ipe bomb")).isEqualTo("pipe bomb");
    assertThat(spanOf("p\u0000ipe bomb", "pipe")).isEqualTo(new Span(0, 5));
  }

  @Test
  void theReplacementCharacterInsideAWordIsSeenThrough() {
    assertThat(norm("p\ufffdipe bomb")).isEqualTo("pipe bomb");
  }

  @Test
  void privateUseCharactersInsideAWordAreSeenThrough() {
    assertThat(norm("pi\ue000pe bomb")).isEqualTo("pipe bomb");
    assertThat(norm("pipe bo\udb80\udc00mb")).isEqualTo("pipe bomb"); // plane 15 private use
  }

  @Test
  void lineBreaksAndTabsAreNotInvisible() {
    assertThat(norm("pipe\nbomb\tnow")).isEqualTo("pipe\nbomb\tnow");
  }

  @Test
  void readsLookAlikeLettersOfAMixedScriptWordAsLatin() {
    NormalizedText text = normalizer.normalize("you \u0456d\u0456\u043et"); // і, і, о Cyrillic
    assertThat(text.text()).isEqualTo("you idiot");
    assertThat(Via.names(text.via(4, 9))).containsExactly("confusable");
    assertThat(norm("what the f\u03c5ck")).isEqualTo("what the fuck"); // Greek upsilon
    assertThat(norm("SH\u0406T")).isEqualTo("shit"); // capital Cyrillic І
  }

  @Test
  void readsAWordWhollyOfLookAlikesAsLatinBesideLatinWords() {
    assertThat(norm("you \u0455\u0445\u0435 idiot")).isEqualTo("you sxe idiot");
  }

  @Test
  void leavesRealRussianAndGreekSentencesAlone() {
    String russian = "Он сказал, что все хорошо, и мы пошли домой к сестре.";
    String greek = "Ο καιρός σήμερα είναι πολύ καλός και πάμε στην παραλία.";
    // only diacritics go (й is и with a breve), as for every script; no letter turns Latin
    assertThat(norm(russian)).isEqualTo("он сказал, что все хорошо, и мы пошли домои к сестре.");
    NormalizedText text = normalizer.normalize(russian);
    assertThat(text.via(0, text.text().length()) & Via.CONFUSABLE).isZero();
    assertThat(norm(greek)).isEqualTo("ο καιρος σημερα ειναι πολυ καλος και παμε στην παραλια.");
  }

  @Test
  void readsTraditionalChineseAsSimplified() {
    NormalizedText text = normalizer.normalize("他媽的");
    assertThat(text.text()).isEqualTo("他妈的");
    assertThat(Via.names(text.via(0, 3))).containsExactly("traditional");
    assertThat(text.toOriginal(1, 2)).isEqualTo(new Span(1, 2));
  }

  @Test
  void joinsLettersSplitByMixedPunctuationSymbolsAndEmoji() {
    assertThat(norm("you i*d.i_o-t")).isEqualTo("you idiot");
    assertThat(norm("you i d~i_o t")).isEqualTo("you i\u2063dio\u2063t");
    assertThat(norm("you i\ud83d\udd25d\ud83d\udd25i\ud83d\udd25o\ud83d\udd25t"))
        .isEqualTo("you idiot");
    assertThat(spanOf("so i\ud83d\udd25d\ud83d\udd25i\ud83d\udd25o\ud83d\udd25t", "idiot"))
        .isEqualTo(new Span(3, 12));
  }

  @Test
  void readsLeetInsideSpacedLetters() {
    NormalizedText text = normalizer.normalize("you ! d ! 0 +");
    assertThat(text.text()).isEqualTo("you idiot");
    assertThat(Via.names(text.via(4, 9))).containsExactly("leet", "separators");
  }

  @Test
  void doesNotJoinOneLetterWordsAcrossApostrophesOrLineBreaks() {
    assertThat(norm("I'm a b c")).isEqualTo("i'm abc");
    assertThat(norm("a\nb\nc")).isEqualTo("a\nb\nc");
    assertThat(norm("1 2 3 4")).isEqualTo("1 2 3 4");
  }

  @Test
  void aOneLetterWordAfterSpacedLettersStaysReadableAsAWord() {
    assertThat(norm("b-u-i-l-d a bomb")).isEqualTo("build\u2063a bomb");
    assertThat(norm("в з*а.к_л-а~д/к,у")).isEqualTo("в\u2063закладку");
    assertThat(norm("a b c")).isEqualTo("abc");
  }

  @Test
  void aTagNameIsNoLatinContextForACyrillicWord() {
    assertThat(norm("он сказал <em>к</em>ак")).isEqualTo("он сказал <em>как");
    assertThat(norm("彼はm\u0501maと言った")).isEqualTo("彼はmdmaと言った");
  }

  @Test
  void looksThroughMarkupInsideAWord() {
    assertThat(norm("<b>i</b>diot")).isEqualTo("<b>idiot");
    assertThat(norm("**i**diot")).isEqualTo("**idiot");
    assertThat(norm("sh`i`t and id~~i~~ot and f<span class=\"x\">u</span>ck"))
        .isEqualTo("shit and idiot and fuck");
    assertThat(spanOf("x <i>i</i>d<b>io</b>t", "idiot")).isEqualTo(new Span(5, 21));
  }

  @Test
  void leavesMarkupBetweenWordsAndSnakeCaseWordsReadable() {
    assertThat(norm("a < b and c > d")).isEqualTo("a < b and c > d");
    assertThat(norm("**bold** text")).isEqualTo("**bold** text");
  }

  @Test
  void readsSymbolsAsLeetOnlyInsideAWord() {
    assertThat(norm("sh!t")).isEqualTo("shit");
    assertThat(norm("stop! now")).isEqualTo("stop! now");
    assertThat(norm("c++ code")).isEqualTo("c++ code");
    assertThat(norm("2024年")).isEqualTo("2024年");
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
