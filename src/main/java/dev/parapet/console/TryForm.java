package dev.parapet.console;

import io.quarkus.qute.TemplateData;

/** What the Try it form holds, sent back with the result so the viewer can change and resend. */
@TemplateData
public record TryForm(
    String mode,
    String text,
    String messages,
    String profile,
    String stage,
    String tenant,
    String app) {

  static TryForm empty() {
    return new TryForm("text", "", "", "", "input", "", "");
  }

  public TryForm {
    mode = "conversation".equals(mode) ? "conversation" : "text";
    text = text == null ? "" : text;
    messages = messages == null ? "" : messages;
    profile = profile == null ? "" : profile.strip();
    stage = "output".equals(stage) ? "output" : "input";
    tenant = tenant == null ? "" : tenant.strip();
    app = app == null ? "" : app.strip();
  }

  public boolean conversation() {
    return mode.equals("conversation");
  }
}
