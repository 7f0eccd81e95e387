package dev.parapet.console;

import io.quarkus.qute.TemplateData;

/** A chain verification over a time range: how many records were checked, or the first bad one. */
@TemplateData
public record VerifyView(
    AuditFilter filter,
    boolean ran,
    boolean ok,
    long checked,
    String firstBad,
    String reason,
    String error) {}
