package dev.parapet.policy;

import dev.parapet.model.RedactionMethod;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A named way of checking: which tiers decide, from most to least authoritative, and how failures,
 * redaction and audit storage behave. Tier names may hold {@code ${tenant}} or {@code ${app}},
 * filled from the request; a tier whose directory does not exist is skipped.
 *
 * @param redaction the redaction method per finding type; {@code defaultRedaction} for the rest
 * @param injectionThreshold the score at or above which the injection detector reports a finding
 * @param shadow a candidate policy directory (holding rules/ and lexicons/) judged beside this
 *     profile on live traffic without deciding anything, or null
 * @param phoneRegions the regions (ISO 3166 alpha-2) whose national phone formats the PII detector
 *     looks for; empty for its default list
 * @param sensitiveContextKeys the request context keys whose values the audit record keeps only as
 *     a keyed hash, never in clear
 */
public record Profile(
    String name,
    List<String> tiers,
    FailMode failMode,
    RedactionMethod defaultRedaction,
    Map<String, RedactionMethod> redaction,
    TextStorage textStorage,
    double injectionThreshold,
    String shadow,
    List<String> phoneRegions,
    Set<String> sensitiveContextKeys) {

  public Profile {
    tiers = List.copyOf(tiers);
    redaction = Map.copyOf(redaction);
    phoneRegions = List.copyOf(phoneRegions);
    sensitiveContextKeys = Set.copyOf(sensitiveContextKeys);
  }

  /** A profile that keeps every context value of its records in clear. */
  public Profile(
      String name,
      List<String> tiers,
      FailMode failMode,
      RedactionMethod defaultRedaction,
      Map<String, RedactionMethod> redaction,
      TextStorage textStorage,
      double injectionThreshold,
      String shadow,
      List<String> phoneRegions) {
    this(
        name,
        tiers,
        failMode,
        defaultRedaction,
        redaction,
        textStorage,
        injectionThreshold,
        shadow,
        phoneRegions,
        Set.of());
  }

  /** A profile with the PII detector's default phone regions. */
  public Profile(
      String name,
      List<String> tiers,
      FailMode failMode,
      RedactionMethod defaultRedaction,
      Map<String, RedactionMethod> redaction,
      TextStorage textStorage,
      double injectionThreshold,
      String shadow) {
    this(
        name,
        tiers,
        failMode,
        defaultRedaction,
        redaction,
        textStorage,
        injectionThreshold,
        shadow,
        List.of());
  }

  public RedactionMethod redactionFor(String findingType) {
    return redaction.getOrDefault(findingType, defaultRedaction);
  }
}
