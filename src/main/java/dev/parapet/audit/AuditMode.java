package dev.parapet.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** When a check's answer may leave relative to its audit record. */
public enum AuditMode {
  /** Only once the record is durable (group commit keeps throughput up). */
  SYNC,
  /** At once; records wait in a bounded buffer, and any dropped are counted. */
  ASYNC,
  /** Nothing is recorded. */
  OFF;

  /** The lower-case name used in configuration and readiness data. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
