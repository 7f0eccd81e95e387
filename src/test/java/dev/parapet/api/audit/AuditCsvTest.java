package dev.parapet.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CSV exports never hand a spreadsheet a formula. */
class AuditCsvTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=1+1",
        "+1",
        "-1",
        "@SUM(A1)",
        "\t=1+1",
        "\r=1+1",
        "\n=1+1",
        "\uFF1D1+1",
        "\uFF0B1",
        "\uFF0D1",
        "\uFF20SUM(A1)"
      })
  void aValueThatAStartsAFormulaIsEscaped(String value) {
    assertThat(AuditCsv.quote(value)).startsWith("\"'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"acme", "r-1", " =1", "1=1"})
  void otherValuesAreQuotedAsTheyAre(String value) {
    assertThat(AuditCsv.quote(value)).isEqualTo("\"" + value + "\"");
  }
}
