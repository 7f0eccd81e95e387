package dev.parapet.console;

import io.quarkus.qute.TemplateData;
import java.util.List;

/** The Policy page: the live version, its parts, and the results of what the officer just did. */
@TemplateData
public record PolicyView(
    boolean loaded,
    String version,
    String loadedAt,
    String defaultProfile,
    List<ProfileRow> profiles,
    List<RuleRow> rules,
    List<LexiconRow> lexicons,
    List<ExceptionRow> exceptions,
    ReloadRow lastReload,
    ReloadRow reloaded,
    TestsRow tests,
    TermSearch terms,
    List<ShadowRow> shadow,
    int shadowScanned) {

  @TemplateData
  public record ProfileRow(String name, List<String> tiers, String failMode, String textStorage) {}

  @TemplateData
  public record RuleRow(String id, String tier, String file, int line, boolean overridable) {}

  @TemplateData
  public record LexiconRow(
      String name, String category, String severity, boolean allowlist, int terms) {}

  /**
   * An exception with its state: {@code expired}, {@code expiring} (within 30 days) or {@code ok}.
   */
  @TemplateData
  public record ExceptionRow(
      String kind,
      String id,
      String owner,
      String reason,
      String expires,
      String state,
      String note) {}

  @TemplateData
  public record ReloadRow(
      boolean ok, String at, String tookMs, String version, List<String> problems) {}

  @TemplateData
  public record TestsRow(int cases, boolean passed, List<String> failures) {}

  @TemplateData
  public record TermSearch(String lexicon, String query, List<TermRow> hits, String error) {}

  @TemplateData
  public record TermRow(String term, String file, int line, String category, String severity) {}

  /** A decision the shadow candidate would have made differently. */
  @TemplateData
  public record ShadowRow(
      String auditId, String time, String profile, String tenant, String live, String shadow) {}
}
