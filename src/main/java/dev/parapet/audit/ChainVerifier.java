package dev.parapet.audit;

import dev.parapet.digest.HmacSha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Proves the log intact: every record's hash matches its stored text, every record names the hash
 * of the one before it in its node's chain, sequence numbers have no gaps, the columns and tag sets
 * that queries use agree with the hashed content, and the records agree with every signed chain
 * head (checkpoint) found in the store, this instance's checkpoint file and its second sink. A
 * modified, deleted, inserted, reordered or renumbered record breaks one of these; every one broken
 * is reported, up to a limit, with a count of all.
 */
public final class ChainVerifier {

  /** How many problems an answer lists unless asked otherwise. */
  public static final int DEFAULT_LIMIT = 100;

  /**
   * One bad or missing record, or a checkpoint that cannot be trusted.
   *
   * @param seq the record's sequence number, or the first missing one
   * @param auditId the record's id, or for missing records the id of the record after them; null
   *     when there is none
   */
  public record Problem(String node, Long seq, String auditId, String reason) {}

  /** The newest signed head of a node the check held the records against. */
  public record Anchor(String node, long seq, String time, String keyId) {}

  /**
   * The outcome, as {@code GET /v1/audit/verify} answers it.
   *
   * @param checked records checked that match the filters
   * @param firstBad the id of the first bad record (or of the record after the first gap)
   * @param reason the first problem's reason
   * @param problemCount every problem found, listed or not
   * @param problems the first problems, up to the limit
   * @param checkpoints the signed head per node that the records were held against
   */
  public record Verification(
      boolean ok,
      long checked,
      String firstBad,
      String reason,
      long problemCount,
      List<Problem> problems,
      List<Anchor> checkpoints) {

    public Verification {
      problems = List.copyOf(problems);
      checkpoints = List.copyOf(checkpoints);
    }

    /** An answer without problems or checkpoints listed. */
    public Verification(boolean ok, long checked, String firstBad, String reason) {
      this(ok, checked, firstBad, reason, ok ? 0 : 1, List.of(), List.of());
    }
  }

  private final AuditStore store;
  private final byte[] key;
  private final Map<String, PublicKey> pinned;
  private final List<HeadFile> headFiles;

  /** A verifier that trusts the keys instances registered in the store. */
  public ChainVerifier(AuditStore store, byte[] key) {
    this(store, key, Map.of(), List.of());
  }

  /**
   * @param pinned keys trusted besides those registered in the store, by key id
   * @param headFiles checkpoint files to read besides the store's table
   */
  public ChainVerifier(
      AuditStore store, byte[] key, Map<String, PublicKey> pinned, List<HeadFile> headFiles) {
    this.store = store;
    this.key = key.clone();
    this.pinned = Map.copyOf(pinned);
    this.headFiles = List.copyOf(headFiles);
  }

  public Verification verify(Instant from, Instant to) throws SQLException {
    return verify(AuditQuery.all().between(from, to), DEFAULT_LIMIT);
  }

  /**
   * Checks every chain over the query's time range. Records that match the other filters are
   * counted and reported; missing records and untrusted checkpoints are reported whatever the
   * filters, since nobody can tell whose a missing record was.
   */
  public Verification verify(AuditQuery query, int limit) throws SQLException {
    Findings out = new Findings(limit);
    SignedHeads heads = SignedHeads.load(store, headFiles, pinned, out);
    List<Anchor> anchors = new ArrayList<>();
    try (Connection c = store.dataSource().getConnection()) {
      for (String node : nodes(c, heads)) {
        NodeCheck check = new NodeCheck(c, node, query, heads.of(node), key, out);
        check.run();
        if (check.anchor() != null) {
          anchors.add(check.anchor());
        }
      }
    }
    return out.verification(anchors);
  }

  private static List<String> nodes(Connection c, SignedHeads heads) throws SQLException {
    TreeSet<String> nodes = new TreeSet<>(heads.nodes());
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT node FROM audit_record UNION SELECT node FROM audit_checkpoint");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        nodes.add(rs.getString(1));
      }
    }
    return List.copyOf(nodes);
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

  /** The retention checkpoint of a node (seq and hash of the last purged record), if genuine. */
  static Link retentionPoint(Connection c, byte[] key, String node) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT seq, hash, time_ms, signature FROM audit_checkpoint WHERE node = ?")) {
      s.setString(1, node);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return new Link(0, Canonical.GENESIS);
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

  static String sign(byte[] key, String node, long seq, String hash, long timeMs) {
    String payload = "checkpoint/v1\n" + node + "\n" + seq + "\n" + hash + "\n" + timeMs;
    return HexFormat.of().formatHex(HmacSha256.of(key, payload));
  }

  record Link(long seq, String hash) {}

  /** Problems as they are found: the first {@code limit} kept, all counted. */
  static final class Findings {
    private final int limit;
    private final List<Problem> problems = new ArrayList<>();
    private long count;
    private long checked;

    Findings(int limit) {
      this.limit = limit;
    }

    void add(Problem problem) {
      count++;
      if (problems.size() < limit) {
        problems.add(problem);
      }
    }

    void checked() {
      checked++;
    }

    Verification verification(List<Anchor> anchors) {
      Problem first = problems.isEmpty() ? null : problems.get(0);
      return new Verification(
          count == 0,
          checked,
          first == null ? null : first.auditId(),
          first == null ? null : first.reason(),
          count,
          problems,
          anchors);
    }
  }

  /** Reads a file's heads for the verifier; an unreadable file is a problem, not a failure. */
  static List<ChainHead> read(HeadFile file, Findings out) {
    try {
      return file.read();
    } catch (IOException e) {
      out.add(new Problem(null, null, null, "checkpoint file " + file.path() + " is unreadable"));
      return List.of();
    }
  }
}
