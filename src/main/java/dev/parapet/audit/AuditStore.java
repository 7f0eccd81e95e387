package dev.parapet.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** Reads and writes audit records with portable SQL, the same on H2 and PostgreSQL. */
public final class AuditStore {

  /** Bounds the memory of which tag sets are stored; forgetting one costs a guarded insert. */
  private static final int MAX_REMEMBERED_TAG_SETS = 10_000;

  private final DataSource dataSource;

  /** Tag sets known to be committed, so that a batch stores only new ones. */
  private final Set<String> storedTagSets = ConcurrentHashMap.newKeySet();

  public AuditStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Writes records in one transaction: all of them become durable, or none. */
  void insert(List<AuditRecord> records) throws SQLException {
    insertSealed(records.stream().map(SealedRecord::of).toList());
  }

  /**
   * Stores chained records with the JSON they were hashed and journaled as, in one transaction,
   * after the tag sets they name that the store may lack.
   */
  void insertSealed(List<SealedRecord> records) throws SQLException {
    List<TagSet> sets = new ArrayList<>(records.size());
    Map<String, TagSet> unseen = new LinkedHashMap<>();
    for (SealedRecord sealed : records) {
      TagSet set = TagSet.of(sealed.record());
      sets.add(set);
      if (set != null && !storedTagSets.contains(set.id())) {
        unseen.putIfAbsent(set.id(), set);
      }
    }
    try (Connection c = dataSource.getConnection()) {
      for (TagSet set : unseen.values()) {
        insertTagSet(c, set);
      }
      c.setAutoCommit(false);
      try (PreparedStatement row =
          c.prepareStatement(
              "INSERT INTO audit_record (audit_id, node, seq, time_ms, request_id, tenant,"
                  + " profile, stage, decision, policy_version, prev_hash, hash, body, tag_set,"
                  + " shadow_decision, caller) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
        for (int i = 0; i < records.size(); i++) {
          bindColumns(row, records.get(i));
          row.setString(14, sets.get(i) == null ? null : sets.get(i).id());
          row.setString(15, records.get(i).record().shadowDecision());
          row.setString(16, records.get(i).record().caller());
          row.addBatch();
        }
        row.executeBatch();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /**
   * Binds the first 13 parameters of an insert into {@code audit_record}: every column up to and
   * including the body, in the order the table declares them.
   */
  static void bindColumns(PreparedStatement row, SealedRecord sealed) throws SQLException {
    AuditRecord r = sealed.record();
    row.setString(1, r.auditId());
    row.setString(2, r.node());
    row.setLong(3, r.seq());
    row.setLong(4, Instant.parse(r.time()).toEpochMilli());
    row.setString(5, r.requestId());
    row.setString(6, r.tenant());
    row.setString(7, r.profile());
    row.setString(8, r.stage());
    row.setString(9, r.decision());
    row.setString(10, r.policyVersion());
    row.setString(11, r.prevHash());
    row.setString(12, r.hash());
    row.setString(13, sealed.json());
  }

  /**
   * Stores a tag set unless some node already has, in a transaction of its own: its rows are
   * committed whole before any record names it, and a node that loses the race to insert the same
   * set takes the winner's rows as its own. A set left unused by a failed batch does no harm.
   */
  private void insertTagSet(Connection c, TagSet set) throws SQLException {
    c.setAutoCommit(false);
    try (PreparedStatement known = c.prepareStatement("SELECT 1 FROM audit_tag WHERE tag_set = ?");
        PreparedStatement tag =
            c.prepareStatement("INSERT INTO audit_tag (tag_set, kind, tag) VALUES (?,?,?)")) {
      known.setString(1, set.id());
      boolean stored;
      try (ResultSet rs = known.executeQuery()) {
        stored = rs.next();
      }
      if (!stored) {
        for (String rule : set.rules()) {
          addTag(tag, set.id(), TagSet.RULE, rule);
        }
        for (String type : set.types()) {
          addTag(tag, set.id(), TagSet.TYPE, type);
        }
        for (String action : set.actions()) {
          addTag(tag, set.id(), TagSet.ACTION, action);
        }
        tag.executeBatch();
      }
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      if (!isUniqueViolation(e)) {
        throw e;
      }
    }
    if (storedTagSets.size() >= MAX_REMEMBERED_TAG_SETS) {
      storedTagSets.clear();
    }
    storedTagSets.add(set.id());
  }

  private static void addTag(PreparedStatement tag, String set, String kind, String name)
      throws SQLException {
    tag.setString(1, set);
    tag.setString(2, kind);
    tag.setString(3, name);
    tag.addBatch();
  }

  /** SQLSTATE 23505, the same on H2 and PostgreSQL, also when wrapped by a batch. */
  private static boolean isUniqueViolation(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    for (SQLException next = e.getNextException(); next != null; next = next.getNextException()) {
      if ("23505".equals(next.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** The newest record of a node's chain, to resume it after a restart. */
  Optional<AuditRecord> last(String node) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT body FROM audit_record WHERE node = ? ORDER BY seq DESC LIMIT 1")) {
      s.setString(1, node);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(Canonical.parse(rs.getString(1))) : Optional.empty();
      }
    }
  }

  public Optional<AuditRecord> find(String auditId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT body FROM audit_record WHERE audit_id = ?")) {
      s.setString(1, auditId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(Canonical.parse(rs.getString(1))) : Optional.empty();
      }
    }
  }

  /** One page, newest first, after the position a cursor names. */
  public List<AuditRecord> page(AuditQuery query, Cursor after, int limit) throws SQLException {
    List<AuditRecord> out = new ArrayList<>();
    stream(query, after, limit, out::add);
    return out;
  }

  /** Streams matching records newest first without holding them all. */
  public void stream(AuditQuery query, Cursor after, int limit, Consumer<AuditRecord> sink)
      throws SQLException {
    streamSealed(query, after, limit, row -> sink.accept(row.record()));
  }

  /** Streams matching records with their stored text, exactly as it was hashed. */
  void streamSealed(AuditQuery query, Cursor after, int limit, Consumer<SealedRecord> sink)
      throws SQLException {
    Where where = where(query);
    if (after != null) {
      where.and(
          "(r.time_ms < ? OR (r.time_ms = ? AND r.audit_id < ?))",
          after.timeMs(),
          after.timeMs(),
          after.auditId());
    }
    String sql =
        "SELECT r.body FROM audit_record r"
            + where.sql()
            + " ORDER BY r.time_ms DESC, r.audit_id DESC"
            + (limit > 0 ? " LIMIT " + limit : "");
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false); // lets PostgreSQL stream with a fetch size instead of buffering
      try (PreparedStatement s = where.prepare(c, sql)) {
        s.setFetchSize(500);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            String json = rs.getString(1);
            sink.accept(new SealedRecord(Canonical.parse(json), json));
          }
        }
      } finally {
        c.commit();
      }
    }
  }

  /** Counts by decision, profile, tenant, stage, caller, rule or finding type. */
  public Map<String, Long> stats(AuditQuery query, String by) throws SQLException {
    return stats(query, by, null);
  }

  /**
   * Counts matching records grouped by one dimension: {@code decision}, {@code profile}, {@code
   * tenant}, {@code stage}, {@code caller}, {@code rule}, {@code type}, or {@code time} in buckets
   * of {@code bucket} (aligned on the epoch, so whole UTC hours and days; keyed by the bucket's
   * start). Time buckets come oldest first, the others largest count first. A record without a
   * tenant, profile or caller counts under the empty string.
   */
  public Map<String, Long> stats(AuditQuery query, String by, Duration bucket) throws SQLException {
    Where where = where(query);
    String sql =
        switch (by) {
          case "decision", "profile", "tenant", "stage", "caller" ->
              "SELECT r."
                  + by
                  + ", COUNT(*) FROM audit_record r"
                  + where.sql()
                  + " GROUP BY r."
                  + by;
          case "rule", "type" ->
              "SELECT t.tag, COUNT(*) FROM audit_record r JOIN audit_tag t ON t.tag_set = r.tag_set"
                  + " AND t.kind = '"
                  + (by.equals("rule") ? TagSet.RULE : TagSet.TYPE)
                  + "'"
                  + where.sql()
                  + " GROUP BY t.tag";
          case "time" -> {
            long millis = bucketMillis(bucket);
            // the width is a validated number, written into the text so that both databases see
            // the same expression in SELECT and GROUP BY
            String start = "(r.time_ms / " + millis + ") * " + millis;
            yield "SELECT "
                + start
                + ", COUNT(*) FROM audit_record r"
                + where.sql()
                + " GROUP BY "
                + start;
          }
          default ->
              throw new IllegalArgumentException(
                  "by must be decision, rule, type, profile, tenant, stage, caller or time");
        };
    Map<String, Long> counts = new LinkedHashMap<>();
    boolean time = by.equals("time");
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            where.prepare(c, sql + (time ? " ORDER BY 1" : " ORDER BY 2 DESC, 1"));
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        String key =
            time
                ? Instant.ofEpochMilli(rs.getLong(1)).toString()
                : Objects.requireNonNullElse(rs.getString(1), "");
        counts.merge(key, rs.getLong(2), Long::sum);
      }
    }
    return counts;
  }

  /**
   * Counts matching records by what each rule did in them: per rule id, per action ({@code allow},
   * {@code redact}, {@code block}) or, for an exemption, per outcome ({@code exempted}, {@code
   * lowered}, {@code narrowed}, {@code kept-mandatory}, {@code expired}). Rules come largest total
   * first; records written before actions were recorded are not counted.
   */
  public Map<String, Map<String, Long>> statsByRuleAction(AuditQuery query) throws SQLException {
    Where where = where(query);
    String sql =
        "SELECT t.tag, COUNT(*) FROM audit_record r JOIN audit_tag t ON t.tag_set = r.tag_set"
            + " AND t.kind = '"
            + TagSet.ACTION
            + "'"
            + where.sql()
            + " GROUP BY t.tag ORDER BY 1";
    Map<String, Map<String, Long>> byRule = new java.util.HashMap<>();
    Map<String, Long> totals = new java.util.HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = where.prepare(c, sql);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        String tag = rs.getString(1);
        int colon = tag.indexOf(':');
        String rule = tag.substring(colon + 1);
        byRule
            .computeIfAbsent(rule, k -> new java.util.TreeMap<>())
            .put(tag.substring(0, colon), rs.getLong(2));
        totals.merge(rule, rs.getLong(2), Long::sum);
      }
    }
    Map<String, Map<String, Long>> ordered = new LinkedHashMap<>();
    byRule.keySet().stream()
        .sorted(
            java.util.Comparator.comparing((String rule) -> -totals.get(rule))
                .thenComparing(rule -> rule))
        .forEach(rule -> ordered.put(rule, byRule.get(rule)));
    return ordered;
  }

  private static long bucketMillis(Duration bucket) {
    if (bucket == null || bucket.toMillis() < 1000) {
      throw new IllegalArgumentException("a time bucket must be at least one second");
    }
    return bucket.toMillis();
  }

  public long count() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM audit_record");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Forces what the store has committed to disk. PostgreSQL does so at every commit; embedded H2
   * only writes to the operating system, so it is asked for a checkpoint.
   */
  void sync() {
    try (Connection c = dataSource.getConnection()) {
      if (c.getMetaData().getDatabaseProductName().startsWith("H2")) {
        try (java.sql.Statement s = c.createStatement()) {
          s.execute("CHECKPOINT SYNC");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the audit store cannot sync: " + e.getMessage(), e);
    }
  }

  /** Whether the store accepts work right now. */
  public boolean reachable() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  DataSource dataSource() {
    return dataSource;
  }

  private static Where where(AuditQuery q) {
    Where w = new Where();
    if (q.from() != null) {
      w.and("r.time_ms >= ?", q.from().toEpochMilli());
    }
    if (q.to() != null) {
      w.and("r.time_ms < ?", q.to().toEpochMilli());
    }
    w.eq("r.decision", q.decision());
    w.eq("r.profile", q.profile());
    w.eq("r.tenant", q.tenant());
    w.eq("r.stage", q.stage());
    w.eq("r.request_id", q.requestId());
    w.eq("r.shadow_decision", q.shadowDecision());
    w.eq("r.caller", q.caller());
    if (q.rule() != null) {
      w.and(
          "EXISTS (SELECT 1 FROM audit_tag t1"
              + " WHERE t1.tag_set = r.tag_set AND t1.kind = ? AND t1.tag = ?)",
          TagSet.RULE,
          q.rule());
    }
    if (q.type() != null) {
      w.and(
          "EXISTS (SELECT 1 FROM audit_tag t2"
              + " WHERE t2.tag_set = r.tag_set AND t2.kind = ? AND t2.tag = ?)",
          TagSet.TYPE,
          q.type());
    }
    return w;
  }

  /** The position after which the next page starts: the last record's time and id. */
  public record Cursor(long timeMs, String auditId) {}

  /** A WHERE clause built from bound parameters only. */
  private static final class Where {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    void and(String condition, Object... values) {
      sql.append(sql.length() == 0 ? " WHERE " : " AND ").append(condition);
      params.addAll(List.of(values));
    }

    void eq(String column, String value) {
      if (value != null) {
        and(column + " = ?", value);
      }
    }

    String sql() {
      return sql.toString();
    }

    PreparedStatement prepare(Connection c, String full) throws SQLException {
      PreparedStatement s = c.prepareStatement(full);
      for (int i = 0; i < params.size(); i++) {
        s.setObject(i + 1, params.get(i));
      }
      return s;
    }
  }
}
