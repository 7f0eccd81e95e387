package dev.parapet.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The page cursor reads back what it wrote and refuses anything else. */
class AuditCursorTest {

  @Test
  void readsBackTheLastRecordsTimeAndId() {
    Instant time = Instant.parse("2026-11-28T10:00:00.123Z");
    AuditRecord last = AuditStores.record("block", "default", null, null, time);
    AuditStore.Cursor cursor = AuditCursor.parse(AuditCursor.after(last));
    assertThat(cursor.timeMs()).isEqualTo(time.toEpochMilli());
    assertThat(cursor.auditId()).isEqualTo(last.auditId());
  }

  @Test
  void noCursorIsTheFirstPage() {
    assertThat(AuditCursor.parse(null)).isNull();
    assertThat(AuditCursor.parse(" ")).isNull();
  }

  @Test
  void refusesACursorItDidNotWrite() {
    assertThatThrownBy(() -> AuditCursor.parse("not base64!"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditCursor.parse("bm8tY29sb24")) // "no-colon"
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditCursor.parse("eDp5")) // "x:y"
        .isInstanceOf(IllegalArgumentException.class);
  }
}
