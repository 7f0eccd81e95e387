package dev.parapet.api;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Stable error codes: the {@code code} member of every problem+json body. Clients may switch on
 * them; never rename one.
 */
public enum ErrorCode {
  MALFORMED_JSON(400, "Malformed JSON"),
  INVALID_REQUEST(400, "Invalid request"),
  UNKNOWN_STAGE(400, "Unknown stage"),
  UNAUTHENTICATED(401, "Unauthenticated"),
  FORBIDDEN(403, "Forbidden"),
  NOT_FOUND(404, "Not found"),
  UNKNOWN_PROFILE(404, "Unknown profile"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  NOT_ACCEPTABLE(406, "Not acceptable"),
  REQUEST_TIMEOUT(408, "Request timeout"),
  TOO_LARGE(413, "Payload too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  INVALID_POLICY(422, "Invalid policy"),
  RATE_LIMITED(429, "Too many requests"),
  INTERNAL(500, "Internal error"),
  NO_POLICY(503, "No policy loaded"),
  UNAVAILABLE(503, "Service unavailable");

  private final int status;
  private final String title;

  ErrorCode(int status, String title) {
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The wire value, snake_case. */
  @JsonValue
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
