package dev.parapet.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** One encoding per record: the hashed text, the journal line and the stored body agree. */
class CanonicalTest {

  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  @Test
  void aSealedRecordCarriesExactlyTheJsonOfTheHashedRecord() {
    AuditRecord record = AuditStores.record("redact", "default", "r-1", null, T0);
    SealedRecord sealed = SealedRecord.seal(record, "n1", 7, Canonical.GENESIS);

    AuditRecord hashed = sealed.record();
    assertThat(hashed.seq()).isEqualTo(7);
    assertThat(hashed.prevHash()).isEqualTo(Canonical.GENESIS);
    assertThat(hashed.hash()).isEqualTo(Canonical.sha256(Canonical.encode(hashed)));
    assertThat(sealed.json()).isEqualTo(Canonical.json(hashed));
    assertThat(Canonical.parse(sealed.json())).isEqualTo(hashed);
  }

  @Test
  void refusesAnEncodingThatDoesNotEndWithAnEmptyHash() {
    assertThatThrownBy(() -> Canonical.withHash("{\"hash\":\"ab\"}", "cd"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void contextMapsEncodeInKeyOrderWhateverOrderTheyWereBuiltIn() {
    Map<String, String> built = new LinkedHashMap<>();
    built.put("zone", "eu");
    built.put("app", "support-bot");
    AuditRecord record =
        new AuditEntry()
            .auditId("a-1")
            .time(T0.toString())
            .caller("support-bot")
            .context(built)
            .hashedContext(Map.of("userEmail", "c".repeat(64)))
            .decision("allow")
            .ruleActions(List.of())
            .relaxations(List.of())
            .textHash("b".repeat(64))
            .toRecord();
    SealedRecord sealed = SealedRecord.seal(record, "n1", 1, Canonical.GENESIS);

    assertThat(sealed.json())
        .contains("\"context\":{\"app\":\"support-bot\",\"zone\":\"eu\"}")
        .contains("\"v\":2,");
    assertThat(Canonical.json(Canonical.parse(sealed.json()))).isEqualTo(sealed.json());
  }

  @Test
  void aRecordWithoutTheWhyMembersLeavesThemOutOfItsText() {
    AuditRecord record = AuditStores.record("redact", "default", "r-1", null, T0);
    String json = SealedRecord.seal(record, "n1", 1, Canonical.GENESIS).json();
    assertThat(json)
        .doesNotContain("caller")
        .doesNotContain("context")
        .doesNotContain("ruleActions")
        .doesNotContain("relaxations")
        .doesNotContain("shadowVersion");
  }

  /** The worked example auditors are given is the service's own encoding, and its hash holds. */
  @Test
  void theWorkedExampleInTheAuditorsGuideIsTrue() throws Exception {
    String guide = Files.readString(Path.of("docs/audit.md"), StandardCharsets.UTF_8);
    Matcher example =
        Pattern.compile("line='(\\{[^\\n]*\\})'\\n.*?\\n# ([0-9a-f]{64})  -", Pattern.DOTALL)
            .matcher(guide);
    assertThat(example.find()).as("docs/audit.md has a worked example").isTrue();
    String line = example.group(1);
    String stated = example.group(2);

    assertThat(Canonical.hashOfText(line)).isEqualTo(stated);
    assertThat(line).endsWith("\"hash\":\"" + stated + "\"}");
    AuditRecord record = Canonical.parse(line);
    assertThat(record.v()).isEqualTo(AuditRecord.VERSION);
    assertThat(record.ruleActions()).isNotEmpty();
    assertThat(record.relaxations()).isNotEmpty();
    assertThat(record.hashedContext()).isNotEmpty();
    assertThat(Canonical.json(record)).isEqualTo(line);
  }
}
