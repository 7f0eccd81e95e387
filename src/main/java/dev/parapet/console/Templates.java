package dev.parapet.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The console's pages, checked against their parameters when the application is built. */
@CheckedTemplate(basePath = "console")
final class Templates {

  private Templates() {}

  static native TemplateInstance signIn(Nav nav, String error);

  static native TemplateInstance refused(Nav nav, String title, String message);

  static native TemplateInstance tryIt(
      Nav nav, TryForm form, List<String> profiles, TryOutcome outcome, String error);

  static native TemplateInstance policy(Nav nav, PolicyView view);

  static native TemplateInstance shadow(Nav nav, ShadowView view);

  static native TemplateInstance audit(Nav nav, AuditView view);

  static native TemplateInstance charts(Nav nav, AuditView view);

  static native TemplateInstance record(Nav nav, RecordView view);

  static native TemplateInstance verify(Nav nav, VerifyView view);
}
