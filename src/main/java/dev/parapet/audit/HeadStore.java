package dev.parapet.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The signed chain heads and the instances' public keys, as the audit store keeps them. */
public final class HeadStore {

  private final DataSource dataSource;

  public HeadStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Adds a head; one the store holds already (same node and seq) is left as it is. */
  void add(ChainHead head) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO audit_head (node, seq, hash, time_ms, key_id, signature)"
                    + " SELECT ?,?,?,?,?,? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM audit_head WHERE node = ? AND seq = ?)")) {
      s.setString(1, head.node());
      s.setLong(2, head.seq());
      s.setString(3, head.hash());
      s.setLong(4, Instant.parse(head.time()).toEpochMilli());
      s.setString(5, head.keyId());
      s.setString(6, head.signature());
      s.setString(7, head.node());
      s.setLong(8, head.seq());
      s.executeUpdate();
    }
  }

  /** Every head stored, by node and sequence. */
  public List<ChainHead> all() throws SQLException {
    List<ChainHead> heads = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT node, seq, hash, time_ms, key_id, signature FROM audit_head"
                    + " ORDER BY node, seq");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        heads.add(
            new ChainHead(
                rs.getString(1),
                rs.getLong(2),
                rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)).toString(),
                rs.getString(5),
                rs.getString(6)));
      }
    }
    return heads;
  }

  /** Registers an instance's public key, unless it is known already. */
  void register(String keyId, String node, String publicPem, Instant now) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO audit_key (key_id, node, public_key, first_seen_ms)"
                    + " SELECT ?,?,?,? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM audit_key WHERE key_id = ?)")) {
      s.setString(1, keyId);
      s.setString(2, node);
      s.setString(3, publicPem);
      s.setLong(4, now.toEpochMilli());
      s.setString(5, keyId);
      s.executeUpdate();
    }
  }

  /** A public key as the store lists it. */
  public record PublicKeyEntry(String keyId, String node, String publicKey, String firstSeen) {}

  /** The public keys instances registered, oldest first. */
  public List<PublicKeyEntry> keys() throws SQLException {
    Map<String, PublicKeyEntry> keys = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT key_id, node, public_key, first_seen_ms FROM audit_key"
                    + " ORDER BY first_seen_ms, key_id");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        keys.put(
            rs.getString(1),
            new PublicKeyEntry(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)).toString()));
      }
    }
    return List.copyOf(keys.values());
  }
}
