package dev.parapet.check;

import java.util.Locale;

/** Which messages of a conversation are checked; the rest stay visible to rules as context. */
public enum Scope {
  /** Every message. */
  ALL,
  /**
   * Only what came after the last assistant message (from it, on the output stage, where it is the
   * answer being checked), so history already checked is not judged and billed again.
   */
  NEW;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name; null for an unknown one. */
  public static Scope fromWire(String value) {
    for (Scope scope : values()) {
      if (scope.wireName().equals(value)) {
        return scope;
      }
    }
    return null;
  }
}
