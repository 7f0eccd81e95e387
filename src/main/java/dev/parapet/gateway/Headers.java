package dev.parapet.gateway;

import dev.parapet.api.ErrorCode;
import dev.parapet.api.ProblemException;
import io.vertx.ext.web.RoutingContext;

/**
 * Identifiers the gateway takes from headers, held to the limits {@code /v1/check} holds them to.
 */
final class Headers {

  static final int MAX_ID_LENGTH = 256;

  private Headers() {}

  /** The header's value, or null; refused when over 256 chars or holding a control character. */
  static String identifier(RoutingContext ctx, String name) {
    String value = ctx.request().getHeader(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.length() > MAX_ID_LENGTH) {
      throw new ProblemException(
          ErrorCode.INVALID_REQUEST,
          "'" + name + "' has " + value.length() + " chars; the limit is " + MAX_ID_LENGTH);
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new ProblemException(
            ErrorCode.INVALID_REQUEST, "'" + name + "' holds a control character");
      }
    }
    return value;
  }
}
