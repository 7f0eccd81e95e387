package dev.parapet.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LettersTest {

  @Test
  void answersAsCharacterDoesForEveryChar() {
    for (int i = 0; i <= Character.MAX_VALUE; i++) {
      char c = (char) i;
      assertThat(Letters.isLetter(c)).as("isLetter U+%04X", i).isEqualTo(Character.isLetter(c));
      assertThat(Letters.isLetterOrDigit(c))
          .as("isLetterOrDigit U+%04X", i)
          .isEqualTo(Character.isLetterOrDigit(c));
    }
  }
}
