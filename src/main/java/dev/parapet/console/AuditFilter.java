package dev.parapet.console;

import dev.parapet.audit.AuditQuery;
import io.quarkus.qute.TemplateData;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The audit filter as the viewer entered it. Times come from {@code datetime-local} fields in the
 * viewer's time zone ({@code tz}, an IANA name the page's script fills in; UTC without it), or as
 * ISO-8601 instants.
 */
@TemplateData
public record AuditFilter(
    String from,
    String to,
    String tz,
    String decision,
    String profile,
    String tenant,
    String stage,
    String rule,
    String type) {

  private static final Set<String> DECISIONS = Set.of("allow", "redact", "block");
  private static final Set<String> STAGES = Set.of("input", "output");

  public AuditFilter {
    from = clean(from);
    to = clean(to);
    tz = clean(tz);
    decision = clean(decision);
    profile = clean(profile);
    tenant = clean(tenant);
    stage = clean(stage);
    rule = clean(rule);
    type = clean(type);
  }

  private static String clean(String s) {
    return s == null ? "" : s.strip();
  }

  /** The query the store answers; throws with a message for the viewer on a bad field. */
  AuditQuery query() {
    if (!decision.isEmpty() && !DECISIONS.contains(decision)) {
      throw new ConsoleInputException("Decision must be allow, redact or block.");
    }
    if (!stage.isEmpty() && !STAGES.contains(stage)) {
      throw new ConsoleInputException("Stage must be input or output.");
    }
    Instant start = start();
    Instant end = end();
    if (start != null && end != null && !start.isBefore(end)) {
      throw new ConsoleInputException("'From' must be before 'to'.");
    }
    return new AuditQuery(
        start,
        end,
        orNull(decision),
        orNull(profile),
        orNull(tenant),
        orNull(stage),
        orNull(rule),
        orNull(type),
        null);
  }

  Instant start() {
    return instant("From", from);
  }

  Instant end() {
    return instant("To", to);
  }

  private Instant instant(String label, String value) {
    if (value.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException notAnInstant) {
      try {
        return LocalDateTime.parse(value).atZone(zone()).toInstant();
      } catch (DateTimeParseException e) {
        throw new ConsoleInputException(
            "'" + label + "' must be a date and time such as 2026-12-08T10:00.");
      }
    }
  }

  private ZoneId zone() {
    if (tz.isEmpty()) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(tz);
    } catch (DateTimeException e) {
      throw new ConsoleInputException("Unknown time zone '" + tz + "'.");
    }
  }

  /** The filter as a query string, for paging and export links. */
  String queryString() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("from", from);
    params.put("to", to);
    params.put("tz", tz);
    params.put("decision", decision);
    params.put("profile", profile);
    params.put("tenant", tenant);
    params.put("stage", stage);
    params.put("rule", rule);
    params.put("type", type);
    StringJoiner out = new StringJoiner("&");
    params.forEach(
        (k, v) -> {
          if (!v.isEmpty()) {
            out.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
          }
        });
    return out.toString();
  }

  private static String orNull(String s) {
    return s.isEmpty() ? null : s;
  }

  public boolean is(String field, String value) {
    return switch (field) {
      case "decision" -> decision.equals(value);
      case "stage" -> stage.equals(value);
      default -> false;
    };
  }
}
