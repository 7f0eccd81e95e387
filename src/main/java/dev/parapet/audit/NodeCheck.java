package dev.parapet.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Verifies one node's chain over a time range, against that node's signed heads. */
final class NodeCheck {

  private final Connection c;
  private final String node;
  private final AuditQuery query;
  private final NavigableMap<Long, ChainHead> heads;
  private final byte[] key;
  private final ChainVerifier.Findings out;
  private final Map<String, Set<String>> tagSets = new HashMap<>();
  private ChainVerifier.Anchor anchor;

  NodeCheck(
      Connection c,
      String node,
      AuditQuery query,
      NavigableMap<Long, ChainHead> heads,
      byte[] key,
      ChainVerifier.Findings out) {
    this.c = c;
    this.node = node;
    this.query = query;
    this.heads = heads;
    this.key = key;
    this.out = out;
  }

  ChainVerifier.Anchor anchor() {
    return anchor;
  }

  void run() throws SQLException {
    ChainVerifier.Link start = ChainVerifier.retentionPoint(c, key, node);
    if (start == null) {
      out.add(
          new ChainVerifier.Problem(
              node, null, null, "the retention checkpoint's signature does not verify"));
      start = new ChainVerifier.Link(0, null);
    }
    List<ChainHead> pending = new ArrayList<>();
    for (ChainHead head : heads.tailMap(start.seq(), false).values()) {
      if (inRange(Instant.parse(head.time()))) {
        pending.add(head);
      }
    }
    Iterator<ChainHead> next = pending.iterator();
    ChainHead head = next.hasNext() ? next.next() : null;
    long lastSeq = -1;
    c.setAutoCommit(false);
    try (PreparedStatement s = c.prepareStatement(select())) {
      int p = 1;
      s.setString(p++, node);
      if (query.from() != null) {
        s.setLong(p++, query.from().toEpochMilli());
      }
      if (query.to() != null) {
        s.setLong(p, query.to().toEpochMilli());
      }
      s.setFetchSize(500);
      try (ResultSet rs = s.executeQuery()) {
        long expectedSeq = -1;
        String expectedPrev = null;
        while (rs.next()) {
          String id = rs.getString(1);
          long seq = rs.getLong(2);
          if (expectedSeq < 0) {
            ChainVerifier.Link link = linkBefore(seq, start);
            expectedSeq = link.seq() + 1;
            expectedPrev = link.hash();
          }
          if (seq > expectedSeq) {
            out.add(
                new ChainVerifier.Problem(
                    node, expectedSeq, id, missing(expectedSeq, seq - 1) + " before it: deleted"));
            expectedPrev = null;
          }
          check(rs, id, seq, expectedPrev);
          String hash = rs.getString(10);
          while (head != null && head.seq() <= seq) {
            if (head.seq() == seq) {
              matchHead(head, id, hash);
            }
            head = next.hasNext() ? next.next() : null;
          }
          expectedSeq = seq + 1;
          expectedPrev = hash;
          lastSeq = seq;
        }
      }
    } finally {
      c.commit();
    }
    if (head != null) {
      truncation(lastSeq < 0 ? Math.max(maxSeq(), start.seq()) : lastSeq, pending);
    }
  }

  private String select() {
    return "SELECT audit_id, seq, time_ms, decision, profile, tenant, stage, request_id,"
        + " prev_hash, hash, body, tag_set, shadow_decision, caller FROM audit_record"
        + " WHERE node = ?"
        + (query.from() != null ? " AND time_ms >= ?" : "")
        + (query.to() != null ? " AND time_ms < ?" : "")
        + " ORDER BY seq";
  }

  private boolean inRange(Instant time) {
    return (query.from() == null || !time.isBefore(query.from()))
        && (query.to() == null || time.isBefore(query.to()));
  }

  private static String missing(long first, long last) {
    return first == last
        ? "record " + first + " is missing"
        : "records " + first + ".." + last + " are missing";
  }

  private void matchHead(ChainHead head, String id, String hash) {
    if (head.hash().equals(hash)) {
      anchor = new ChainVerifier.Anchor(node, head.seq(), head.time(), head.keyId());
      return;
    }
    Long before = heads.lowerKey(head.seq());
    out.add(
        new ChainVerifier.Problem(
            node,
            head.seq(),
            id,
            "the checkpoint signed at "
                + head.time()
                + " names another record at seq "
                + head.seq()
                + ": a record after seq "
                + (before == null ? 0 : before)
                + " was rewritten and the chain rehashed, or the sequence number was given out"
                + " twice"));
  }

  /** Signed heads beyond the newest record: the newest records were deleted. */
  private void truncation(long lastSeq, List<ChainHead> pending) {
    ChainHead newest = null;
    for (ChainHead head : pending) {
      if (head.seq() > lastSeq && (newest == null || head.seq() > newest.seq())) {
        newest = head;
      }
    }
    if (newest != null) {
      out.add(
          new ChainVerifier.Problem(
              node,
              lastSeq + 1,
              null,
              missing(lastSeq + 1, newest.seq())
                  + ": the chain ends at seq "
                  + lastSeq
                  + " but the checkpoint signed at "
                  + newest.time()
                  + " covers seq "
                  + newest.seq()
                  + " (truncated)"));
    }
  }

  private void check(ResultSet rs, String id, long seq, String expectedPrev) throws SQLException {
    String body = rs.getString(11);
    AuditRecord record;
    try {
      record = Canonical.parse(body);
    } catch (IllegalStateException e) {
      report(id, seq, "the record is not readable", true);
      return;
    }
    boolean inScope = !query.narrowed() || query.matches(record) || columnsMatch(rs);
    if (inScope) {
      out.checked();
    }
    String problem = problem(rs, record, body, seq, expectedPrev);
    if (problem != null) {
      report(id, seq, problem, inScope);
    }
  }

  private void report(String id, long seq, String reason, boolean inScope) {
    if (inScope) {
      out.add(new ChainVerifier.Problem(node, seq, id, reason));
    }
  }

  private String problem(ResultSet rs, AuditRecord body, String text, long seq, String expectedPrev)
      throws SQLException {
    if (expectedPrev != null
        && (!rs.getString(9).equals(expectedPrev) || !expectedPrev.equals(body.prevHash()))) {
      return "it does not follow the record before it: removed, inserted or reordered";
    }
    String hash = Canonical.hashOfText(text);
    if (hash == null
        || !hash.equals(rs.getString(10))
        || !hash.equals(body.hash())
        || body.seq() != seq
        || !node.equals(body.node())) {
      return "its content does not match its hash: modified";
    }
    boolean columnsAgree =
        Instant.parse(body.time()).toEpochMilli() == rs.getLong(3)
            && Objects.equals(body.decision(), rs.getString(4))
            && Objects.equals(body.profile(), rs.getString(5))
            && Objects.equals(body.tenant(), rs.getString(6))
            && Objects.equals(body.stage(), rs.getString(7))
            && Objects.equals(body.requestId(), rs.getString(8))
            && Objects.equals(body.auditId(), rs.getString(1))
            && Objects.equals(body.shadowDecision(), rs.getString(13))
            && Objects.equals(body.caller(), rs.getString(14));
    if (!columnsAgree) {
      return "its searchable columns were changed: modified";
    }
    return tagProblem(body, rs.getString(12));
  }

  /** Whether the stored rule and type tags are the record's: else filters would mis-find it. */
  private String tagProblem(AuditRecord body, String storedSet) throws SQLException {
    TagSet expected = TagSet.of(body);
    if (expected == null) {
      return storedSet == null ? null : "it names a tag set although it has no rule or finding";
    }
    if (storedSet == null) {
      return "its rule, type and action tags were removed: filters by rule or type no longer find"
          + " it";
    }
    if (!storedSet.equals(expected.id()) && !storedSet.equals(body.auditId())) {
      return "it names another tag set than its rules and findings make";
    }
    if (!tags(storedSet).equals(expected.entries())) {
      return "its tag set "
          + storedSet
          + " was changed: filters by rule or type, or counts of what rules did, mis-find it";
    }
    return null;
  }

  private Set<String> tags(String set) throws SQLException {
    Set<String> known = tagSets.get(set);
    if (known != null) {
      return known;
    }
    Set<String> entries = new TreeSet<>();
    try (PreparedStatement s =
        c.prepareStatement("SELECT kind, tag FROM audit_tag WHERE tag_set = ?")) {
      s.setString(1, set);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          entries.add(TagSet.entry(rs.getString(1), rs.getString(2)));
        }
      }
    }
    tagSets.put(set, entries);
    return entries;
  }

  private boolean columnsMatch(ResultSet rs) throws SQLException {
    return same(query.decision(), rs.getString(4))
        && same(query.profile(), rs.getString(5))
        && same(query.tenant(), rs.getString(6))
        && same(query.stage(), rs.getString(7))
        && same(query.requestId(), rs.getString(8))
        && same(query.shadowDecision(), rs.getString(13))
        && same(query.caller(), rs.getString(14))
        && query.rule() == null
        && query.type() == null;
  }

  private static boolean same(String wanted, String actual) {
    return wanted == null || wanted.equals(actual);
  }

  /** The sequence and hash the first record in range must follow. */
  private ChainVerifier.Link linkBefore(long seq, ChainVerifier.Link start) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT hash FROM audit_record WHERE node = ? AND seq = ?")) {
      s.setString(1, node);
      s.setLong(2, seq - 1);
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          return new ChainVerifier.Link(seq - 1, rs.getString(1));
        }
      }
    }
    return start;
  }

  private long maxSeq() throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT MAX(seq) FROM audit_record WHERE node = ?")) {
      s.setString(1, node);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }
}
