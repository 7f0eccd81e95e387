package dev.parapet.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where in the conversation a text sits: a prompt on its way in, or a model answer on its way out.
 */
public enum Stage {
  INPUT,
  OUTPUT;

  /** The lower-case name used on the wire and in rule files. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name; returns null for an unknown one so callers can answer 400. */
  public static Stage fromWire(String value) {
    for (Stage stage : values()) {
      if (stage.wireName().equals(value)) {
        return stage;
      }
    }
    return null;
  }
}
