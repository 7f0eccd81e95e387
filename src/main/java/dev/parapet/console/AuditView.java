package dev.parapet.console;

import io.quarkus.qute.TemplateData;
import java.util.List;

/** The Audit page: the filter as entered, a page of decisions, the chart, and where to go next. */
@TemplateData
public record AuditView(
    AuditFilter filter,
    List<Row> rows,
    String nextQuery,
    String query,
    List<DecisionChart.Chart> charts,
    String error,
    String renderMs) {

  @TemplateData
  public record Row(
      String auditId,
      String time,
      String decision,
      String profile,
      String tenant,
      String stage,
      String rules,
      String types) {}
}
