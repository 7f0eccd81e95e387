package dev.parapet.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body declared over the size limit with a problem+json 413 before it is read; the HTTP
 * layer's own refusal (for bodies that grow past the limit unannounced) has no body.
 */
@ApplicationScoped
public class BodyLimit {

  private final long maxBytes;
  private final String problem;

  public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max)
      throws JsonProcessingException {
    this.maxBytes = max.asLongValue();
    this.problem =
        new ObjectMapper()
            .writeValueAsString(
                Problem.of(
                    ErrorCode.TOO_LARGE,
                    "the body is over "
                        + maxBytes
                        + " bytes: split the text or check it in parts"));
  }

  void install(@Observes Router router) {
    router
        .route()
        .order(-100)
        .handler(
            ctx -> {
              String length = ctx.request().getHeader("Content-Length");
              if (length != null && tooLong(length)) {
                ctx.response()
                    .setStatusCode(413)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(problem);
              } else {
                ctx.next();
              }
            });
  }

  private boolean tooLong(String length) {
    try {
      return Long.parseLong(length.trim()) > maxBytes;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
