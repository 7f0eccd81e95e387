package dev.parapet.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Verifies a JSONL export without a server or a database: each record's hash over its exact text,
 * the links between consecutive records, and every record against the signed chain heads in the
 * export, trusting only the public keys the auditor pinned. A filtered export (any filter but the
 * time range) has gaps by design: they are not judged, everything else is.
 */
public final class OfflineVerifier {

  private record Line(long seq, String auditId, String prevHash, String hash) {}

  private final Map<String, PublicKey> keys;

  /**
   * @param keys the pinned public keys, by key id
   */
  public OfflineVerifier(Map<String, PublicKey> keys) {
    this.keys = Map.copyOf(keys);
  }

  public ChainVerifier.Verification verify(BufferedReader export) throws IOException {
    ChainVerifier.Findings out = new ChainVerifier.Findings(Integer.MAX_VALUE);
    Map<String, NavigableMap<Long, Line>> records = new HashMap<>();
    Map<String, NavigableMap<Long, ChainHead>> heads = new HashMap<>();
    boolean narrowed = false;
    boolean bounded = false;
    int number = 0;
    for (String text = export.readLine(); text != null; text = export.readLine()) {
      number++;
      if (text.isBlank()) {
        continue;
      }
      JsonNode json;
      try {
        json = HeadFile.JSON.readTree(text);
      } catch (IOException e) {
        out.add(new ChainVerifier.Problem(null, null, null, "line " + number + " is not JSON"));
        continue;
      }
      if (json.has("export")) {
        narrowed = json.get("export").path("filtered").asBoolean(false);
        bounded = json.get("export").path("to").isTextual();
      } else if (json.has("checkpoint")) {
        addHead(HeadFile.parse(text), number, heads, out);
      } else {
        addRecord(text, json, number, records, out);
      }
    }
    List<ChainVerifier.Anchor> anchors = new ArrayList<>();
    for (var node : records.entrySet()) {
      anchors.addAll(
          checkNode(
              node.getKey(),
              node.getValue(),
              heads.getOrDefault(node.getKey(), new TreeMap<>()),
              narrowed,
              bounded,
              out));
    }
    for (var node : heads.entrySet()) {
      if (!records.containsKey(node.getKey()) && !narrowed && !bounded) {
        ChainHead last = node.getValue().lastEntry().getValue();
        out.add(
            new ChainVerifier.Problem(
                node.getKey(),
                1L,
                null,
                "no record of the chain is in the export, but a checkpoint covers seq "
                    + last.seq()
                    + " (truncated)"));
      }
    }
    return out.verification(anchors);
  }

  private void addHead(
      ChainHead head,
      int number,
      Map<String, NavigableMap<Long, ChainHead>> heads,
      ChainVerifier.Findings out) {
    if (head == null || !head.trusted(keys)) {
      out.add(
          new ChainVerifier.Problem(
              head == null ? null : head.node(),
              head == null ? null : head.seq(),
              null,
              "the checkpoint on line "
                  + number
                  + " is not signed by a pinned key: forged, altered or signed by another key"));
      return;
    }
    ChainHead known =
        heads.computeIfAbsent(head.node(), n -> new TreeMap<>()).putIfAbsent(head.seq(), head);
    if (known != null && !known.hash().equals(head.hash())) {
      out.add(
          new ChainVerifier.Problem(
              head.node(),
              head.seq(),
              null,
              "two signed checkpoints name different records at seq "
                  + head.seq()
                  + ": the sequence number was given out twice"));
    }
  }

  private static void addRecord(
      String text,
      JsonNode json,
      int number,
      Map<String, NavigableMap<Long, Line>> records,
      ChainVerifier.Findings out) {
    String node = json.path("node").asText(null);
    long seq = json.path("seq").asLong(-1);
    String id = json.path("auditId").asText(null);
    if (node == null || seq < 0) {
      out.add(new ChainVerifier.Problem(node, null, id, "line " + number + " has no chain fields"));
      return;
    }
    out.checked();
    String hash = json.path("hash").asText("");
    if (!hash.equals(Canonical.hashOfText(text))) {
      out.add(
          new ChainVerifier.Problem(
              node, seq, id, "its content does not match its hash: modified"));
    }
    Line line = new Line(seq, id, json.path("prevHash").asText(""), hash);
    if (records.computeIfAbsent(node, n -> new TreeMap<>()).putIfAbsent(seq, line) != null) {
      out.add(
          new ChainVerifier.Problem(
              node,
              seq,
              id,
              "a second record with seq " + seq + ": the number was given out twice"));
    }
  }

  private static List<ChainVerifier.Anchor> checkNode(
      String node,
      NavigableMap<Long, Line> lines,
      NavigableMap<Long, ChainHead> heads,
      boolean narrowed,
      boolean bounded,
      ChainVerifier.Findings out) {
    Line before = null;
    for (Line line : lines.values()) {
      if (before == null) {
        String start = line.seq() == 1 ? Canonical.GENESIS : null;
        ChainHead anchor = heads.get(line.seq() - 1);
        start = anchor != null ? anchor.hash() : start;
        if (start != null && !start.equals(line.prevHash())) {
          out.add(
              new ChainVerifier.Problem(
                  node, line.seq(), line.auditId(), "it does not follow the record before it"));
        }
      } else if (line.seq() != before.seq() + 1) {
        if (!narrowed) {
          long first = before.seq() + 1;
          out.add(
              new ChainVerifier.Problem(
                  node,
                  first,
                  line.auditId(),
                  "records " + first + ".." + (line.seq() - 1) + " are missing before it"));
        }
      } else if (!before.hash().equals(line.prevHash())) {
        out.add(
            new ChainVerifier.Problem(
                node,
                line.seq(),
                line.auditId(),
                "it does not follow the record before it: removed, inserted or reordered"));
      }
      before = line;
    }
    List<ChainVerifier.Anchor> anchors = new ArrayList<>();
    ChainHead newestMatched = null;
    long last = lines.lastKey();
    for (ChainHead head : heads.values()) {
      Line line = lines.get(head.seq());
      if (line != null) {
        if (line.hash().equals(head.hash())) {
          newestMatched = head;
        } else {
          out.add(
              new ChainVerifier.Problem(
                  node,
                  head.seq(),
                  line.auditId(),
                  "the checkpoint signed at "
                      + head.time()
                      + " names another record at seq "
                      + head.seq()
                      + ": rewritten and rehashed, or the number given out twice"));
        }
      } else if (head.seq() > last && !narrowed && !bounded) {
        out.add(
            new ChainVerifier.Problem(
                node,
                last + 1,
                null,
                "records "
                    + (last + 1)
                    + ".."
                    + head.seq()
                    + " are missing: the export ends at seq "
                    + last
                    + " but the checkpoint signed at "
                    + head.time()
                    + " covers seq "
                    + head.seq()
                    + " (truncated)"));
      }
    }
    if (newestMatched != null) {
      anchors.add(
          new ChainVerifier.Anchor(
              node, newestMatched.seq(), newestMatched.time(), newestMatched.keyId()));
    }
    return anchors;
  }
}
