package dev.parapet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An entry becomes a current-version record that no chain holds yet. */
class AuditEntryTest {

  @Test
  void namedFieldsLandInTheirPlaces() {
    AuditRecord r =
        new AuditEntry()
            .auditId("a1")
            .time("2026-11-28T10:00:00Z")
            .requestId("r1")
            .tenant("acme")
            .profile("default")
            .stage("output")
            .decision("redact")
            .rules(List.of("general/redact-pii"))
            .findings(List.of(new AuditRecord.AuditFinding("pii", "EMAIL_ADDRESS", 5, 9, "high")))
            .policyVersion("sha256:v")
            .textLength(20)
            .textHash("h")
            .storedText("kept")
            .tookMs(0.5)
            .failedClosed(true)
            .errors(List.of("e"))
            .checkedEnd(18)
            .shadowDecision("block")
            .toRecord();
    assertThat(r.v()).isEqualTo(AuditRecord.VERSION);
    assertThat(r.stage()).isEqualTo("output");
    assertThat(r.decision()).isEqualTo("redact");
    assertThat(r.textLength()).isEqualTo(20);
    assertThat(r.checkedEnd()).isEqualTo(18);
    assertThat(r.storedText()).isEqualTo("kept");
    assertThat(r.shadowDecision()).isEqualTo("block");
    assertThat(r.failedClosed()).isTrue();
    assertThat(r.node()).isNull();
    assertThat(r.seq()).isZero();
    assertThat(r.hash()).isNull();
  }
}
