package dev.parapet.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a JSONL export an auditor can verify offline: a header line naming the filters, each
 * matching record exactly as it was hashed, and the signed chain heads that cover them (for an
 * export to the present without filters, also the newest heads, so that missing newest records
 * show).
 */
public final class AuditExport {

  private final AuditStore store;
  private final List<HeadFile> headFiles;

  public AuditExport(AuditStore store, List<HeadFile> headFiles) {
    this.store = store;
    this.headFiles = List.copyOf(headFiles);
  }

  public void writeJsonl(AuditQuery query, Writer out) throws IOException, SQLException {
    out.write(header(query) + "\n");
    Map<String, long[]> ranges = new HashMap<>();
    try {
      store.streamSealed(
          query,
          null,
          0,
          row -> {
            AuditRecord r = row.record();
            ranges.merge(
                r.node(),
                new long[] {r.seq(), r.seq()},
                (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            try {
              out.write(row.json());
              out.write('\n');
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    boolean toThePresent = query.to() == null && !query.narrowed();
    for (ChainHead head : heads()) {
      long[] range = ranges.get(head.node());
      boolean covers = range != null && head.seq() >= range[0] - 1 && head.seq() <= range[1];
      boolean newer = toThePresent && (range == null || head.seq() > range[1]);
      if (covers || newer) {
        out.write(HeadFile.line(head) + "\n");
      }
    }
  }

  /** The heads in the store and in this instance's files, each once. */
  private List<ChainHead> heads() throws SQLException {
    Set<ChainHead> heads = new LinkedHashSet<>(new HeadStore(store.dataSource()).all());
    for (HeadFile file : headFiles) {
      try {
        heads.addAll(file.read());
      } catch (IOException e) {
        // the store's heads still go out; the online verifier reports the unreadable file
      }
    }
    return new ArrayList<>(heads);
  }

  private static String header(AuditQuery q) throws JsonProcessingException {
    Map<String, Object> export = new LinkedHashMap<>();
    export.put("format", "parapet-audit-export/v1");
    export.put("exported", Instant.now().toString());
    export.put("from", q.from() == null ? null : q.from().toString());
    export.put("to", q.to() == null ? null : q.to().toString());
    export.put("filtered", q.narrowed());
    Map<String, String> filters = new LinkedHashMap<>();
    put(filters, "decision", q.decision());
    put(filters, "profile", q.profile());
    put(filters, "tenant", q.tenant());
    put(filters, "stage", q.stage());
    put(filters, "rule", q.rule());
    put(filters, "type", q.type());
    put(filters, "requestId", q.requestId());
    put(filters, "shadowDecision", q.shadowDecision());
    put(filters, "caller", q.caller());
    export.put("filters", filters);
    return HeadFile.JSON.writeValueAsString(Map.of("export", export));
  }

  private static void put(Map<String, String> filters, String name, String value) {
    if (value != null) {
      filters.put(name, value);
    }
  }
}
