package dev.parapet.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Purges records older than the retention age, node by node, and leaves a signed checkpoint naming
 * the last purged record's sequence and hash, so the rest of the chain still verifies.
 */
public final class Retention {

  private final AuditStore store;
  private final byte[] key;

  public Retention(AuditStore store, byte[] key) {
    this.store = store;
    this.key = key.clone();
  }

  /** Deletes records older than {@code cutoff}; returns how many. */
  public long purgeBefore(Instant cutoff, Instant now) throws SQLException {
    long purged = 0;
    try (Connection c = store.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        for (String node : nodes(c)) {
          purged += purgeNode(c, node, cutoff.toEpochMilli(), now.toEpochMilli());
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
    return purged;
  }

  private long purgeNode(Connection c, String node, long cutoff, long now) throws SQLException {
    long lastSeq;
    String lastHash;
    // the cut must be a prefix of the chain: up to the newest old record's sequence
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT seq, hash FROM audit_record WHERE node = ? AND seq ="
                + " (SELECT MAX(seq) FROM audit_record WHERE node = ? AND time_ms < ?)")) {
      s.setString(1, node);
      s.setString(2, node);
      s.setLong(3, cutoff);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return 0;
        }
        lastSeq = rs.getLong(1);
        lastHash = rs.getString(2);
      }
    }
    // Only the sets of records written before tag sets were shared are named by an audit id; a
    // shared set stays, since a record being written right now may name it.
    deleteUpTo(
        c,
        "DELETE FROM audit_tag WHERE tag_set IN"
            + " (SELECT audit_id FROM audit_record WHERE node = ? AND seq <= ?)",
        node,
        lastSeq);
    long deleted =
        deleteUpTo(c, "DELETE FROM audit_record WHERE node = ? AND seq <= ?", node, lastSeq);
    try (PreparedStatement d = c.prepareStatement("DELETE FROM audit_checkpoint WHERE node = ?")) {
      d.setString(1, node);
      d.executeUpdate();
    }
    try (PreparedStatement i =
        c.prepareStatement(
            "INSERT INTO audit_checkpoint (node, seq, hash, time_ms, signature) VALUES (?,?,?,?,?)")) {
      i.setString(1, node);
      i.setLong(2, lastSeq);
      i.setString(3, lastHash);
      i.setLong(4, now);
      i.setString(5, ChainVerifier.sign(key, node, lastSeq, lastHash, now));
      i.executeUpdate();
    }
    return deleted;
  }

  /** Runs a delete bound to a node and the last sequence it purges; returns the rows deleted. */
  private static long deleteUpTo(Connection c, String sql, String node, long lastSeq)
      throws SQLException {
    try (PreparedStatement d = c.prepareStatement(sql)) {
      d.setString(1, node);
      d.setLong(2, lastSeq);
      return d.executeUpdate();
    }
  }

  private static List<String> nodes(Connection c) throws SQLException {
    List<String> nodes = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT node FROM audit_record");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        nodes.add(rs.getString(1));
      }
    }
    return nodes;
  }
}
