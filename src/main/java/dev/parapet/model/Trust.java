package dev.parapet.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Who a piece of a conversation comes from, which decides how far rules believe it: the user, the
 * application that builds the prompt (system and developer messages), the model (earlier answers
 * and the tool calls it asked for), or the outside (tool results and retrieved documents, which
 * anyone who can write a web page or an email may have filled).
 */
public enum Trust {
  USER,
  APPLICATION,
  MODEL,
  OUTSIDE;

  /** The lower-case name used on the wire and in audit records. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The trust of a message's own content by its role; null for a role Parapet does not know. */
  public static Trust ofRole(String role) {
    return switch (role) {
      case "user" -> USER;
      case "system", "developer" -> APPLICATION;
      case "assistant" -> MODEL;
      case "tool", "function" -> OUTSIDE;
      default -> null;
    };
  }
}
