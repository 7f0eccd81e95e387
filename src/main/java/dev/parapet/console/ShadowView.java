package dev.parapet.console;

import io.quarkus.qute.TemplateData;
import java.util.List;

/** One shadow disagreement, the live decision and the candidate's side by side. */
@TemplateData
public record ShadowView(
    String auditId, String time, String profile, List<Side> sides, String note) {

  /** One policy's decision: verdict, the rules that decided (when known), its version. */
  @TemplateData
  public record Side(
      String title, String verdict, List<String> rules, List<String> findings, String version) {}
}
