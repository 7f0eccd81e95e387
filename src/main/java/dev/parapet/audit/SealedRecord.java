package dev.parapet.audit;

/**
 * A chained record together with its JSON, encoded once: the same text is hashed, written to the
 * journal and stored as the record's body.
 */
record SealedRecord(AuditRecord record, String json) {

  /** Links {@code record} into a chain after {@code prevHash} and encodes it. */
  static SealedRecord seal(AuditRecord record, String node, long seq, String prevHash) {
    String canonical = Canonical.encode(record.chained(node, seq, prevHash, ""));
    String hash = Canonical.sha256(canonical);
    return new SealedRecord(
        record.chained(node, seq, prevHash, hash), Canonical.withHash(canonical, hash));
  }

  /** For a record read back or built elsewhere, whose JSON is not at hand. */
  static SealedRecord of(AuditRecord record) {
    return new SealedRecord(record, Canonical.json(record));
  }
}
