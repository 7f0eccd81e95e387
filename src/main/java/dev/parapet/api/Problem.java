package dev.parapet.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 7807 problem: what went wrong and what the caller should fix. Never carries stack traces,
 * class names or the checked text.
 *
 * @param errors per-file problems, for policy reloads that fail
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String detail, String code, List<?> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem of(ErrorCode code, String detail) {
    return new Problem(
        "https://parapet.dev/problems/" + code.code().replace('_', '-'),
        code.title(),
        code.status(),
        detail,
        code.code(),
        null);
  }

  public Problem withErrors(List<?> errors) {
    return new Problem(type, title, status, detail, code, errors);
  }
}
