package dev.parapet.console;

import io.quarkus.qute.TemplateData;
import java.util.List;

/** One audit record: every field the API holds, its findings, and where it sits in its chain. */
@TemplateData
public record RecordView(
    String auditId,
    String time,
    String decision,
    List<Field> fields,
    List<FindingRow> findings,
    List<String> rules,
    String node,
    long seq,
    String prevHash,
    String hash,
    String storedText,
    String json) {

  @TemplateData
  public record Field(String name, String value) {}

  @TemplateData
  public record FindingRow(
      String detector, String type, int start, int end, String severity, String where) {}
}
