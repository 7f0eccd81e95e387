package dev.parapet.model;

/** A rule (or a whole tier) that could not be evaluated; handled by the profile's fail mode. */
public record RuleError(String tier, String ruleId, String message) {}
