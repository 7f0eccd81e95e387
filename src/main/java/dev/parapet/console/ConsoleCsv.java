package dev.parapet.console;

import dev.parapet.audit.AuditRecord;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Audit records as CSV rows (RFC 4180 quoting), one per decision, for the export link. */
final class ConsoleCsv {

  static final String HEADER =
      "auditId,time,requestId,tenant,profile,stage,decision,rules,types,policyVersion,"
          + "textLength,tookMs,shadowDecision,node,seq,hash\r\n";

  private ConsoleCsv() {}

  static String row(AuditRecord r) {
    return String.join(
            ",",
            List.of(
                field(r.auditId()),
                field(r.time()),
                field(r.requestId()),
                field(r.tenant()),
                field(r.profile()),
                field(r.stage()),
                field(r.decision()),
                field(String.join(" ", r.rules())),
                field(
                    r.findings().stream()
                        .map(AuditRecord.AuditFinding::type)
                        .distinct()
                        .collect(Collectors.joining(" "))),
                field(r.policyVersion()),
                Integer.toString(r.textLength()),
                String.format(Locale.ROOT, "%.3f", r.tookMs()),
                field(r.shadowDecision()),
                field(r.node()),
                Long.toString(r.seq()),
                field(r.hash())))
        + "\r\n";
  }

  /**
   * A quoted field when it needs one; a leading {@code = + - @} is prefixed with a quote so that a
   * spreadsheet does not run it as a formula.
   */
  static String field(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
