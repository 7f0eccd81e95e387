package dev.parapet.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Leaves a journal as a process that died before its store took the records would: three records,
 * the middle one with a request id longer than the store's column.
 */
public final class PoisonedJournal {

  /** The request id of the record the store refuses. */
  public static final String POISONED_REQUEST_ID = "p".repeat(300);

  private PoisonedJournal() {}

  /** Writes the journal of {@code node} into {@code dataDir}/audit-journal. */
  public static void write(Path dataDir, String node) throws IOException {
    List<SealedRecord> chain = new ArrayList<>();
    String prev = Canonical.GENESIS;
    Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
    for (int i = 0; i < 3; i++) {
      AuditRecord r = AuditStores.record("allow", "default", null, null, t0.plusSeconds(i));
      if (i == 1) {
        r = withRequestId(r, POISONED_REQUEST_ID);
      }
      SealedRecord sealed = SealedRecord.seal(r, node, i + 1, prev);
      chain.add(sealed);
      prev = sealed.record().hash();
    }
    try (AuditJournal journal = new AuditJournal(dataDir.resolve("audit-journal"), node, 1 << 16)) {
      journal.append(chain);
    }
  }

  /** The record as it was, but for its request id (which the store may refuse). */
  static AuditRecord withRequestId(AuditRecord r, String requestId) {
    return new AuditRecord(
        r.v(),
        r.auditId(),
        r.time(),
        requestId,
        r.tenant(),
        r.profile(),
        r.stage(),
        r.decision(),
        r.rules(),
        r.findings(),
        r.policyVersion(),
        r.textLength(),
        r.textHash(),
        r.storedText(),
        r.tookMs(),
        r.failedClosed(),
        r.errors(),
        r.checkedEnd(),
        r.shadowDecision(),
        r.findingsDropped(),
        null,
        0,
        null,
        null);
  }
}
