package dev.parapet.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
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
}
