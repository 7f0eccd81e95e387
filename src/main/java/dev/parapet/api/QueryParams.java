package dev.parapet.api;

import java.util.Locale;

/**
 * Parses query parameters by hand, so that one that does not parse is a 400 naming it (a typed
 * JAX-RS parameter that fails to convert is answered 404, as if the path did not exist).
 */
public final class QueryParams {

  private QueryParams() {}

  /** An integer between {@code min} and {@code max}, or {@code absent} when not sent. */
  public static int integer(String name, String value, int absent, int min, int max) {
    if (value == null || value.isBlank()) {
      return absent;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw outOfRange(name, min, max);
    }
    if (parsed < min || parsed > max) {
      throw outOfRange(name, min, max);
    }
    return parsed;
  }

  /** {@code true} or {@code false}; absent or empty is false. */
  public static boolean bool(String name, String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new ProblemException(
              ErrorCode.INVALID_REQUEST, "'" + name + "' must be true or false");
    };
  }

  private static ProblemException outOfRange(String name, int min, int max) {
    return new ProblemException(
        ErrorCode.INVALID_REQUEST,
        "'" + name + "' must be a whole number between " + min + " and " + max);
  }
}
