package dev.parapet.check;

import dev.parapet.model.Stage;
import java.util.Map;
import java.util.Objects;

/**
 * One text to check, as validated by the API.
 *
 * @param profile the profile name, or null for the policy's default profile
 * @param tenant the caller's tenant, or empty
 * @param requestId the caller's id for the request, or null to have one generated
 * @param explain whether to build a per-tier explanation of the decision
 */
public record CheckRequest(
    String text,
    Stage stage,
    String profile,
    String tenant,
    String requestId,
    Map<String, String> context,
    boolean explain) {

  public CheckRequest {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(stage, "stage");
    tenant = tenant == null ? "" : tenant;
    context = context == null ? Map.of() : Map.copyOf(context);
  }
}
