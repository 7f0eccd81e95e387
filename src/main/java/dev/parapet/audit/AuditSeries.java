package dev.parapet.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts over time for charts, in one grouped query whatever the number of buckets and series:
 * matching records grouped by decision, tag set and time bucket, answered from the time index
 * alone. Tag sets are then read once (a set never changes, so they are remembered) to count by rule
 * or finding type; a rule or type filter is applied to the sets rather than row by row.
 */
public final class AuditSeries {

  /** Bounds the memory of which sets hold which tags; forgetting costs one more small query. */
  private static final int MAX_REMEMBERED_SETS = 10_000;

  /** Tag sets asked for in one statement. */
  private static final int LOOKUP_CHUNK = 200;

  private final AuditStore store;
  private final Map<String, Tags> known = new ConcurrentHashMap<>();

  public AuditSeries(AuditStore store) {
    this.store = store;
  }

  /** Whether these are the counts of that store. */
  public boolean over(AuditStore other) {
    return store == other;
  }

  /** The rules and finding types of one tag set; both empty for a record without any. */
  public record Tags(Set<String> rules, Set<String> types) {
    static final Tags NONE = new Tags(Set.of(), Set.of());
  }

  /** How many matching records of one decision and tag set fall in a bucket. */
  public record Cell(long bucketStartMs, String decision, Tags tags, long count) {}

  /**
   * The records a query matches, grouped by bucket (aligned on the epoch, keyed by its start),
   * decision and tag set. Every filter of {@link AuditQuery} is honoured: the columns in SQL, rule
   * and type on the sets ({@code AuditSeriesTest} fails when the query gains one this ignores).
   */
  public List<Cell> cells(AuditQuery query, Duration bucket) throws SQLException {
    long width = bucket.toMillis();
    if (width < 1000) {
      throw new IllegalArgumentException("a time bucket must be at least one second");
    }
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    range(where, params, query);
    equal(where, params, "r.decision", query.decision());
    equal(where, params, "r.profile", query.profile());
    equal(where, params, "r.tenant", query.tenant());
    equal(where, params, "r.stage", query.stage());
    equal(where, params, "r.request_id", query.requestId());
    equal(where, params, "r.shadow_decision", query.shadowDecision());
    equal(where, params, "r.caller", query.caller());
    // the width is a validated number, written into the text so that both databases see the
    // same expression in SELECT and GROUP BY
    String start = "(r.time_ms / " + width + ") * " + width;
    String sql =
        "SELECT r.decision, r.tag_set, "
            + start
            + ", COUNT(*) FROM audit_record r"
            + where
            + " GROUP BY r.decision, r.tag_set, "
            + start;
    record Row(String decision, String set, long bucket, long count) {}
    List<Row> rows = new ArrayList<>();
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        s.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Row(
                  Objects.requireNonNullElse(rs.getString(1), ""),
                  rs.getString(2),
                  rs.getLong(3),
                  rs.getLong(4)));
        }
      }
    }
    Map<String, Tags> sets = tags(rows.stream().map(Row::set).filter(Objects::nonNull).toList());
    List<Cell> cells = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Tags tags = row.set() == null ? Tags.NONE : sets.getOrDefault(row.set(), Tags.NONE);
      if ((query.rule() == null || tags.rules().contains(query.rule()))
          && (query.type() == null || tags.types().contains(query.type()))) {
        cells.add(new Cell(row.bucket(), row.decision(), tags, row.count()));
      }
    }
    return cells;
  }

  private static void range(StringBuilder where, List<Object> params, AuditQuery q) {
    if (q.from() != null) {
      where.append(" AND r.time_ms >= ?");
      params.add(q.from().toEpochMilli());
    }
    if (q.to() != null) {
      where.append(" AND r.time_ms < ?");
      params.add(q.to().toEpochMilli());
    }
  }

  private static void equal(StringBuilder where, List<Object> params, String column, String v) {
    if (v != null) {
      where.append(" AND ").append(column).append(" = ?");
      params.add(v);
    }
  }

  /** The tags of each set, from memory or from the store. */
  private Map<String, Tags> tags(List<String> ids) throws SQLException {
    Map<String, Tags> out = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (String id : new LinkedHashSet<>(ids)) {
      Tags t = known.get(id);
      if (t == null) {
        missing.add(id);
      } else {
        out.put(id, t);
      }
    }
    if (missing.isEmpty()) {
      return out;
    }
    Map<String, Set<String>> rules = new HashMap<>();
    Map<String, Set<String>> types = new HashMap<>();
    try (Connection c = store.dataSource().getConnection()) {
      for (int from = 0; from < missing.size(); from += LOOKUP_CHUNK) {
        List<String> chunk = missing.subList(from, Math.min(missing.size(), from + LOOKUP_CHUNK));
        String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT tag_set, kind, tag FROM audit_tag WHERE tag_set IN (" + marks + ")")) {
          for (int i = 0; i < chunk.size(); i++) {
            s.setString(i + 1, chunk.get(i));
          }
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              String kind = rs.getString(2);
              Map<String, Set<String>> into =
                  TagSet.RULE.equals(kind) ? rules : TagSet.TYPE.equals(kind) ? types : null;
              if (into != null) {
                into.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>())
                    .add(rs.getString(3));
              }
            }
          }
        }
      }
    }
    if (known.size() + missing.size() > MAX_REMEMBERED_SETS) {
      known.clear();
    }
    for (String id : missing) {
      Tags t =
          new Tags(
              Set.copyOf(rules.getOrDefault(id, Set.of())),
              Set.copyOf(types.getOrDefault(id, Set.of())));
      out.put(id, t);
      known.put(id, t);
    }
    return out;
  }
}
