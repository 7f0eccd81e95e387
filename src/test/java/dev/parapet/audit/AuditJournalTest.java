package dev.parapet.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's journal: durable before the store has the record, and never lost. */
class AuditJournalTest {

  private static final byte[] KEY = "test-hmac-key".getBytes(StandardCharsets.UTF_8);
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  @TempDir Path dir;

  private AuditLog log(DataSource ds, int bufferSize) throws Exception {
    return new AuditLog(
        new AuditStore(ds),
        "n1",
        AuditMode.SYNC,
        bufferSize,
        64,
        Duration.ofSeconds(5),
        dir.resolve("journal"));
  }

  private static AuditRecord record(int i) {
    return AuditStores.record("allow", "default", null, null, T0.plusMillis(i));
  }

  /** A store that can be taken away, like a database that went down. */
  private static DataSource breakable(DataSource real, AtomicBoolean down) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection") && down.get()) {
                throw new SQLException("the store is down");
              }
              try {
                return method.invoke(real, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private List<Path> segments() throws Exception {
    return segments(dir.resolve("journal"));
  }

  private static List<Path> segments(Path journal) throws Exception {
    try (Stream<Path> files = Files.list(journal)) {
      return files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
  }

  /** Where the next append would go: segments are zero-filled ahead of the records. */
  private static long writtenLength(Path segment) throws Exception {
    byte[] bytes = Files.readAllBytes(segment);
    int end = 0;
    while (end < bytes.length && bytes[end] != 0) {
      end++;
    }
    return end;
  }

  private static List<String> hashes(List<SealedRecord> records) {
    return records.stream().map(r -> r.record().hash()).toList();
  }

  /** Records chained as the writer chains them, from seq {@code from} on. */
  private static List<SealedRecord> chained(int from, int count, String prevHash) {
    List<SealedRecord> out = new java.util.ArrayList<>();
    String prev = prevHash;
    for (int seq = from; seq < from + count; seq++) {
      SealedRecord sealed = SealedRecord.seal(record(seq), "n1", seq, prev);
      out.add(sealed);
      prev = sealed.record().hash();
    }
    return out;
  }

  @Test
  void recordsReachTheStoreAndTheJournalIsEmptiedOnClose() throws Exception {
    DataSource ds = AuditStores.fresh("h2");
    try (AuditLog log = log(ds, 1024)) {
      for (int i = 0; i < 100; i++) {
        log.append(record(i));
      }
      assertThat(log.flush(Duration.ofSeconds(5))).isTrue();
      assertThat(new AuditStore(ds).count()).isEqualTo(100);
      assertThat(segments()).hasSize(1);
    }
    assertThat(segments()).isEmpty();
    assertThat(new ChainVerifier(new AuditStore(ds), KEY).verify(null, null))
        .isEqualTo(new ChainVerifier.Verification(true, 100, null, null));
  }

  @Test
  void whatTheStoreRefusedIsRecoveredOnTheNextStart() throws Exception {
    DataSource ds = AuditStores.fresh("h2");
    AtomicBoolean down = new AtomicBoolean();
    AuditLog crashed = log(breakable(ds, down), 1024);
    for (int i = 0; i < 10; i++) {
      crashed.append(record(i));
    }
    assertThat(crashed.flush(Duration.ofSeconds(5))).isTrue();
    down.set(true);
    for (int i = 10; i < 40; i++) {
      crashed.append(record(i)); // answered: durable in the journal, though the store is down
    }
    assertThat(crashed.flush(Duration.ofMillis(200))).isFalse();
    assertThat(crashed.backlog()).isEqualTo(30);
    assertThat(new AuditStore(ds).count()).isEqualTo(10);

    // the process dies here; a new one starts on the same journal with the store back
    crashed.halt();
    try (AuditLog restarted = log(ds, 1024)) {
      assertThat(new AuditStore(ds).count()).isEqualTo(40);
      AuditRecord next = restarted.append(record(40));
      assertThat(next.seq()).isEqualTo(41);
    }
    assertThat(new ChainVerifier(new AuditStore(ds), KEY).verify(null, null))
        .isEqualTo(new ChainVerifier.Verification(true, 41, null, null));
  }

  @Test
  void aTornLastLineIsSkippedOnRecovery() throws Exception {
    DataSource ds = AuditStores.fresh("h2");
    AtomicBoolean down = new AtomicBoolean();
    AuditLog crashed = log(breakable(ds, down), 1024);
    down.set(true);
    for (int i = 0; i < 5; i++) {
      crashed.append(record(i));
    }
    Path segment = segments().get(0);
    long end = writtenLength(segment);
    assertThat(end).isPositive();
    try (FileChannel out = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      out.write(
          ByteBuffer.wrap("{\"v\":1,\"auditId\":\"torn".getBytes(StandardCharsets.UTF_8)), end);
    }
    crashed.halt();
    try (AuditLog restarted = log(ds, 1024)) {
      assertThat(new AuditStore(ds).count()).isEqualTo(5);
      assertThat(restarted.append(record(5)).seq()).isEqualTo(6);
    }
    assertThat(new ChainVerifier(new AuditStore(ds), KEY).verify(null, null).ok()).isTrue();
  }

  @Test
  void aStoreTooFarBehindMakesAppendsFailRatherThanGrowWithoutBound() throws Exception {
    DataSource ds = AuditStores.fresh("h2");
    AtomicBoolean down = new AtomicBoolean();
    AuditLog log = log(breakable(ds, down), 2); // at most 20 records behind
    down.set(true);
    for (int i = 0; i < 20; i++) {
      log.append(record(i));
    }
    assertThatThrownBy(() -> log.append(record(20))).isInstanceOf(AuditUnavailableException.class);
    assertThat(log.saturated()).isTrue(); // readiness goes down rather than answer 503s while up
    down.set(false);
    assertThat(log.flush(Duration.ofSeconds(10))).isTrue();
    assertThat(log.saturated()).isFalse();
    assertThat(log.append(record(21)).seq()).isEqualTo(21);
    log.close();
    assertThat(new AuditStore(ds).count()).isEqualTo(21);
  }

  @Test
  void segmentsAreWrittenAheadOfTimeAndRollOverWhenFull() throws Exception {
    Path journalDir = dir.resolve("direct");
    List<SealedRecord> records = chained(1, 40, null);
    try (AuditJournal journal = new AuditJournal(journalDir, "n1", 8192)) {
      for (int i = 0; i < records.size(); i += 4) {
        journal.append(records.subList(i, i + 4));
      }
      List<Path> segments = segments(journalDir);
      assertThat(segments).hasSizeGreaterThan(2);
      // every segment is its full preallocated size; the records end at the first zero byte
      for (Path segment : segments) {
        assertThat(Files.size(segment)).isEqualTo(8192);
        assertThat(writtenLength(segment)).isLessThan(8192);
      }
      assertThat(journalDir.resolve("n1.spare")).exists().hasSize(8192);
    }
    assertThat(journalDir.resolve("n1.spare")).doesNotExist();
    try (AuditJournal reopened = new AuditJournal(journalDir, "n1", 8192)) {
      assertThat(hashes(reopened.recover())).isEqualTo(hashes(records));
    }
  }

  @Test
  void aBatchLargerThanASegmentGetsAFileOfItsOwn() throws Exception {
    Path journalDir = dir.resolve("direct");
    List<SealedRecord> records = chained(1, 12, null);
    try (AuditJournal journal = new AuditJournal(journalDir, "n1", 2048)) {
      journal.append(records.subList(0, 1));
      journal.append(records.subList(1, 12));
    }
    assertThat(segments(journalDir)).hasSize(2);
    assertThat(Files.size(segments(journalDir).get(1))).isGreaterThan(2048);
    try (AuditJournal reopened = new AuditJournal(journalDir, "n1", 2048)) {
      assertThat(hashes(reopened.recover())).isEqualTo(hashes(records));
    }
  }

  @Test
  void recoveryStopsWhereTheChainBreaks() throws Exception {
    Path journalDir = dir.resolve("direct");
    List<SealedRecord> good = chained(1, 5, null);
    // seqs 6 and 7 as a refused batch left them: chained to a record that was never written
    List<SealedRecord> stale = chained(6, 2, "0".repeat(64));
    try (AuditJournal journal = new AuditJournal(journalDir, "n1", 1 << 16)) {
      journal.append(good);
      journal.append(stale);
    }
    try (AuditJournal reopened = new AuditJournal(journalDir, "n1", 1 << 16)) {
      assertThat(hashes(reopened.recover())).isEqualTo(hashes(good));
    }
  }
}
