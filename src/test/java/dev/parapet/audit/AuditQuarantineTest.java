package dev.parapet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journaled record the store refuses for what it holds is quarantined: never retried for ever,
 * never holding up the records behind it, never failing a start.
 */
class AuditQuarantineTest {

  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  @TempDir Path dir;

  private AuditLog log(DataSource ds) throws Exception {
    return new AuditLog(
        new AuditStore(ds), "n1", AuditMode.SYNC, 1024, 64, Duration.ofSeconds(5), journal());
  }

  private Path journal() {
    return dir.resolve("audit-journal");
  }

  private Path quarantine() {
    return dir.resolve("audit-quarantine");
  }

  private static AuditRecord record(int i) {
    return AuditStores.record("allow", "default", null, null, T0.plusMillis(i));
  }

  /** A record whose request id is longer than the store's column: what issue 19 found. */
  static AuditRecord poison(int i) {
    return PoisonedJournal.withRequestId(record(i), "a".repeat(257));
  }

  private List<Path> quarantined() throws Exception {
    if (!Files.isDirectory(quarantine())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(quarantine())) {
      return files.sorted().toList();
    }
  }

  @Test
  void aRecordTheStoreRefusesIsQuarantinedAndTheRecordsBehindItAreStored() throws Exception {
    DataSource ds = AuditStores.fresh("h2");
    try (AuditLog log = log(ds)) {
      log.append(record(0));
      AuditRecord bad = log.append(poison(1));
      for (int i = 2; i < 10; i++) {
        log.append(record(i));
      }
      assertThat(log.flush(Duration.ofSeconds(5))).isTrue();
      assertThat(log.backlog()).isZero();
      assertThat(log.quarantined()).isEqualTo(1);
      assertThat(new AuditStore(ds).count()).isEqualTo(9);
      assertThat(new AuditStore(ds).find(bad.auditId())).isEmpty();
    }
    assertThat(quarantined()).hasSize(1);
    String kept = Files.readString(quarantined().get(0)).trim();
    assertThat(Canonical.parse(kept).requestId()).hasSize(257);
    assertThat(Files.getPosixFilePermissions(quarantined().get(0)))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void aJournalHoldingARefusedRecordStillStartsAndTheChainGoesOn() throws Exception {
    DataSource ds = AuditStores.fresh("h2");
    List<SealedRecord> chain = new ArrayList<>();
    String prev = Canonical.GENESIS;
    for (int i = 0; i < 5; i++) {
      SealedRecord s = SealedRecord.seal(i == 2 ? poison(i) : record(i), "n1", i + 1, prev);
      chain.add(s);
      prev = s.record().hash();
    }
    try (AuditJournal journal = new AuditJournal(journal(), "n1", 1 << 16)) {
      journal.append(chain);
    }
    try (AuditLog restarted = log(ds)) {
      assertThat(new AuditStore(ds).count()).isEqualTo(4);
      assertThat(restarted.quarantined()).isEqualTo(1);
      assertThat(restarted.append(record(5)).seq()).isEqualTo(6);
    }
    // the verifier names the gap the quarantined record left
    ChainVerifier.Verification v =
        new ChainVerifier(new AuditStore(ds), "k".getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .verify(null, null);
    assertThat(v.ok()).isFalse();
  }

  @Test
  void aQuarantinedLastRecordIsNotGivenItsSeqAgainAfterARestart() throws Exception {
    DataSource ds = AuditStores.fresh("h2");
    AuditRecord bad;
    try (AuditLog log = log(ds)) {
      log.append(record(0));
      bad = log.append(poison(1));
      assertThat(log.flush(Duration.ofSeconds(5))).isTrue();
    }
    try (AuditLog restarted = log(ds)) {
      AuditRecord next = restarted.append(record(2));
      assertThat(next.seq()).isEqualTo(bad.seq() + 1);
      assertThat(next.prevHash()).isEqualTo(bad.hash());
    }
  }
}
