package dev.parapet.check;

/** A recorded decision and the id of its audit record. */
public record CheckResult(Decision decision, String auditId) {}
