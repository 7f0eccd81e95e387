package dev.parapet.api.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.audit.AuditRecord;
import java.util.stream.Collectors;

/**
 * One CSV line per record (RFC 4180 quoting); rules and finding types joined by spaces. The chain
 * fields (node, seq, prevHash, hash) are there to cross-check against a JSONL export, which alone
 * can be verified: a CSV row is not the text the hash covers. The columns after them (version 2's
 * "why") hold structured members as compact JSON, empty where a record lacks them.
 */
final class AuditCsv {

  static final String HEADER =
      "auditId,time,requestId,tenant,profile,stage,decision,rules,types,policyVersion,textLength,"
          + "textHash,tookMs,node,seq,prevHash,hash,caller,context,hashedContext,ruleActions,"
          + "relaxations,shadowDecision,shadowVersion\n";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a spreadsheet may read as the start of a formula. */
  private static final String FORMULA_STARTS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";

  private AuditCsv() {}

  static String row(AuditRecord r) {
    return String.join(
            ",",
            quote(r.auditId()),
            quote(r.time()),
            quote(r.requestId()),
            quote(r.tenant()),
            quote(r.profile()),
            quote(r.stage()),
            quote(r.decision()),
            quote(String.join(" ", r.rules())),
            quote(
                r.findings().stream()
                    .map(AuditRecord.AuditFinding::type)
                    .distinct()
                    .collect(Collectors.joining(" "))),
            quote(r.policyVersion()),
            Integer.toString(r.textLength()),
            quote(r.textHash()),
            Double.toString(r.tookMs()),
            quote(r.node()),
            Long.toString(r.seq()),
            quote(r.prevHash()),
            quote(r.hash()),
            quote(r.caller()),
            json(r.context()),
            json(r.hashedContext()),
            json(r.ruleActions()),
            json(r.relaxations()),
            quote(r.shadowDecision()),
            quote(r.shadowVersion()))
        + "\n";
  }

  /** A member as compact JSON in one quoted cell; empty when the record lacks it. */
  static String json(Object value) {
    if (value == null) {
      return "";
    }
    try {
      return quote(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a CSV cell", e);
    }
  }

  static String quote(String value) {
    if (value == null) {
      return "";
    }
    String safe = value;
    // a leading formula character would run in a spreadsheet; some also take the full-width forms
    // and a leading tab or line break before one
    if (!safe.isEmpty() && FORMULA_STARTS.indexOf(safe.charAt(0)) >= 0) {
      safe = "'" + safe;
    }
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }
}
