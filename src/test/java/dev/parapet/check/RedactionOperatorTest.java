package dev.parapet.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedactionOperatorTest {

  @Test
  void replaceNamesTheType() {
    assertThat(new RedactionOperator.Replace().apply("US_SSN", "123-45-6789"))
        .isEqualTo("<US_SSN>");
  }

  @Test
  void maskWritesOneStarPerCodePoint() {
    assertThat(new RedactionOperator.Mask().apply("X", "a😀中")).isEqualTo("***");
  }

  @Test
  void keepLast4KeepsSeparatorsAndTheLastFourDigits() {
    assertThat(new RedactionOperator.KeepLast4().apply("US_SSN", "123-45-6789"))
        .isEqualTo("***-**-6789");
  }

  @Test
  void keepLast4MasksShortValuesWhole() {
    assertThat(new RedactionOperator.KeepLast4().apply("CVV", "123")).isEqualTo("***");
  }

  @Test
  void hashIsKeyedStableAndShort() {
    RedactionOperator.Hash a = new RedactionOperator.Hash("k1".getBytes(StandardCharsets.UTF_8));
    RedactionOperator.Hash b = new RedactionOperator.Hash("k2".getBytes(StandardCharsets.UTF_8));
    String once = a.apply("EMAIL_ADDRESS", "bob@example.com");
    assertThat(once).matches("<EMAIL_ADDRESS:[0-9a-f]{12}>");
    assertThat(a.apply("EMAIL_ADDRESS", "bob@example.com")).isEqualTo(once);
    assertThat(b.apply("EMAIL_ADDRESS", "bob@example.com")).isNotEqualTo(once);
    assertThat(a.apply("EMAIL_ADDRESS", "eve@example.com")).isNotEqualTo(once);
  }
}
