package dev.parapet.audit;

import dev.parapet.digest.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Proves the log intact: every record's hash matches its content, every record names the hash of
 * the one before it in its node's chain, sequence numbers have no gaps, and the columns that
 * queries use agree with the hashed content. A modified, deleted, inserted or reordered record
 * breaks one of these, and the first one broken is named.
 */
public final class ChainVerifier {

  /** The outcome, as {@code GET /v1/audit/verify} answers it. */
  public record Verification(boolean ok, long checked, String firstBad, String reason) {}

  private final AuditStore store;
  private final byte[] key;

  public ChainVerifier(AuditStore store, byte[] key) {
    this.store = store;
    this.key = key.clone();
  }

  public Verification verify(Instant from, Instant to) throws SQLException {
    long checked = 0;
    for (String node : nodes()) {
      Verification one = verifyNode(node, from, to);
      checked += one.checked();
      if (!one.ok()) {
        return new Verification(false, checked, one.firstBad(), one.reason());
      }
    }
    return new Verification(true, checked, null, null);
  }

  private List<String> nodes() throws SQLException {
    List<String> nodes = new ArrayList<>();
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT node FROM audit_record UNION SELECT node FROM audit_checkpoint ORDER BY 1");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        nodes.add(rs.getString(1));
      }
    }
    return nodes;
  }

  private Verification verifyNode(String node, Instant from, Instant to) throws SQLException {
    long checked = 0;
    try (Connection c = store.dataSource().getConnection()) {
      c.setAutoCommit(false);
      String sql =
          "SELECT audit_id, seq, time_ms, decision, profile, tenant, stage, request_id,"
              + " prev_hash, hash, body FROM audit_record WHERE node = ?"
              + (from != null ? " AND time_ms >= ?" : "")
              + (to != null ? " AND time_ms < ?" : "")
              + " ORDER BY seq";
      try (PreparedStatement s = c.prepareStatement(sql)) {
        int p = 1;
        s.setString(p++, node);
        if (from != null) {
          s.setLong(p++, from.toEpochMilli());
        }
        if (to != null) {
          s.setLong(p, to.toEpochMilli());
        }
        s.setFetchSize(500);
        try (ResultSet rs = s.executeQuery()) {
          long expectedSeq = -1;
          String expectedPrev = null;
          while (rs.next()) {
            String id = rs.getString(1);
            long seq = rs.getLong(2);
            if (expectedSeq < 0) {
              Link link = linkBefore(c, node, seq);
              if (link == null) {
                return new Verification(
                    false, checked, id, "the chain's start or checkpoint does not verify");
              }
              expectedSeq = link.seq() + 1;
              expectedPrev = link.hash();
            }
            String problem = check(rs, seq, expectedSeq, expectedPrev);
            checked++;
            if (problem != null) {
              return new Verification(false, checked, id, problem);
            }
            expectedSeq = seq + 1;
            expectedPrev = rs.getString(10);
          }
        }
      } finally {
        c.commit();
      }
    }
    return new Verification(true, checked, null, null);
  }

  private static String check(ResultSet rs, long seq, long expectedSeq, String expectedPrev)
      throws SQLException {
    AuditRecord body;
    try {
      body = Canonical.parse(rs.getString(11));
    } catch (IllegalStateException e) {
      return "the record is not readable";
    }
    if (seq != expectedSeq) {
      return "sequence "
          + seq
          + " where "
          + expectedSeq
          + " was expected: a record is missing or added";
    }
    if (!rs.getString(9).equals(expectedPrev) || !body.prevHash().equals(expectedPrev)) {
      return "it does not follow the record before it: removed, inserted or reordered";
    }
    String hash = Canonical.sha256(Canonical.encode(body));
    if (!hash.equals(rs.getString(10)) || !hash.equals(body.hash()) || body.seq() != seq) {
      return "its content does not match its hash: modified";
    }
    boolean columnsAgree =
        Instant.parse(body.time()).toEpochMilli() == rs.getLong(3)
            && Objects.equals(body.decision(), rs.getString(4))
            && Objects.equals(body.profile(), rs.getString(5))
            && Objects.equals(body.tenant(), rs.getString(6))
            && Objects.equals(body.stage(), rs.getString(7))
            && Objects.equals(body.requestId(), rs.getString(8))
            && Objects.equals(body.auditId(), rs.getString(1));
    return columnsAgree ? null : "its searchable columns were changed: modified";
  }

  /** The sequence and hash a node's first record in range must follow. */
  private Link linkBefore(Connection c, String node, long seq) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT hash FROM audit_record WHERE node = ? AND seq = ?")) {
      s.setString(1, node);
      s.setLong(2, seq - 1);
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          return new Link(seq - 1, rs.getString(1));
        }
      }
    }
    Link checkpoint = checkpoint(c, node);
    if (checkpoint != null) {
      return checkpoint;
    }
    return new Link(0, Canonical.GENESIS);
  }

  private Link checkpoint(Connection c, String node) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT seq, hash, time_ms, signature FROM audit_checkpoint WHERE node = ?")) {
      s.setString(1, node);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        long seq = rs.getLong(1);
        String hash = rs.getString(2);
        String expected = sign(key, node, seq, hash, rs.getLong(3));
        if (!MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            rs.getString(4).getBytes(StandardCharsets.US_ASCII))) {
          return null;
        }
        return new Link(seq, hash);
      }
    }
  }

  /** Where a node's chain starts when it has no record: its checkpoint, else the genesis. */
  static String startOf(AuditStore store, String node) throws SQLException {
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT hash FROM audit_checkpoint WHERE node = ?")) {
      s.setString(1, node);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : Canonical.GENESIS;
      }
    }
  }

  static String sign(byte[] key, String node, long seq, String hash, long timeMs) {
    String payload = "checkpoint/v1\n" + node + "\n" + seq + "\n" + hash + "\n" + timeMs;
    return HexFormat.of().formatHex(HmacSha256.of(key, payload));
  }

  private record Link(long seq, String hash) {}
}
