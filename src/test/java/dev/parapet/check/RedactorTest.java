package dev.parapet.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

  private final Redactor redactor = new Redactor();
  private final RedactionOperator replace = new RedactionOperator.Replace();

  private static Finding f(String type, int start, int end) {
    return new Finding("pii", type, start, end, Severity.MEDIUM, 1.0, "pii/x");
  }

  @Test
  void replacesSpanWithType() {
    String text = "Mail me at bob@example.com";
    assertThat(redactor.redact(text, List.of(f("EMAIL_ADDRESS", 11, 26)), t -> replace))
        .isEqualTo("Mail me at <EMAIL_ADDRESS>");
  }

  @Test
  void offsetsAreCodePointsSoEmojiBeforeTheSpanDoNotShiftIt() {
    String text = "😀😀 call 555-1234 👍";
    // "😀😀 call " is 8 code points
    assertThat(redactor.redact(text, List.of(f("PHONE_NUMBER", 8, 16)), t -> replace))
        .isEqualTo("😀😀 call <PHONE_NUMBER> 👍");
  }

  @Test
  void cjkAndCombiningCharactersAreCutAtCodePoints() {
    String text = "我的邮箱是a@b.cn，谢谢";
    assertThat(redactor.redact(text, List.of(f("EMAIL_ADDRESS", 5, 11)), t -> replace))
        .isEqualTo("我的邮箱是<EMAIL_ADDRESS>，谢谢");
    String combining = "e\u0301e\u0301 secret";
    assertThat(redactor.redact(combining, List.of(f("X", 0, 4)), t -> new RedactionOperator.Mask()))
        .isEqualTo("**** secret");
  }

  @Test
  void overlappingSpansMergeAndTakeTheLongestType() {
    String text = "abcdefghij";
    assertThat(redactor.redact(text, List.of(f("SHORT", 2, 4), f("LONGER", 3, 8)), t -> replace))
        .isEqualTo("ab<LONGER>ij");
  }

  @Test
  void adjacentSpansMerge() {
    String text = "abcdefghij";
    assertThat(redactor.redact(text, List.of(f("A", 2, 4), f("A", 4, 6)), t -> replace))
        .isEqualTo("ab<A>ghij");
  }

  @Test
  void separateSpansStaySeparate() {
    String text = "x a@b.c y c@d.e z";
    assertThat(redactor.redact(text, List.of(f("E", 10, 15), f("E", 2, 7)), t -> replace))
        .isEqualTo("x <E> y <E> z");
  }

  @Test
  void noFindingsLeavesTextUnchanged() {
    assertThat(redactor.redact("hello", List.of(), t -> replace)).isEqualTo("hello");
  }

  @Test
  void operatorChosenPerType() {
    String text = "card 4111 1111 1111 1111 mail a@b.co";
    String out =
        redactor.redact(
            text,
            List.of(f("CREDIT_CARD", 5, 24), f("EMAIL_ADDRESS", 30, 36)),
            t ->
                t.equals("CREDIT_CARD")
                    ? new RedactionOperator.KeepLast4()
                    : new RedactionOperator.Replace());
    assertThat(out).isEqualTo("card **** **** **** 1111 mail <EMAIL_ADDRESS>");
  }
}
