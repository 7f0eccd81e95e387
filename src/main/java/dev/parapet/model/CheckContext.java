package dev.parapet.model;

import java.util.Map;
import java.util.Objects;

/**
 * What the rules know about the request besides its findings.
 *
 * @param context the caller's flat string map, such as {@code app} and {@code locale}
 * @param textLength the text's length in Unicode code points
 * @param trust who the checked text comes from where it is one piece of a conversation (detectors
 *     read outside content as data that should give no orders); null for a whole request
 */
public record CheckContext(
    Stage stage,
    String profile,
    String tenant,
    Map<String, String> context,
    int textLength,
    Trust trust) {

  /** The context of a whole request, or of a text whose origin is not known. */
  public CheckContext(
      Stage stage, String profile, String tenant, Map<String, String> context, int textLength) {
    this(stage, profile, tenant, context, textLength, null);
  }

  public CheckContext {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(profile, "profile");
    context = context == null ? Map.of() : Map.copyOf(context);
  }

  /** A context value, or the empty string when the caller did not send it (convenient in rules). */
  public String value(String key) {
    return context.getOrDefault(key, "");
  }

  public boolean isInput() {
    return stage == Stage.INPUT;
  }

  public boolean isOutput() {
    return stage == Stage.OUTPUT;
  }

  /** Whether the text is a tool result or a retrieved document, which anyone may have written. */
  public boolean fromOutside() {
    return trust == Trust.OUTSIDE;
  }
}
