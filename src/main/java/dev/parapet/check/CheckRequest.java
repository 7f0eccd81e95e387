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
 * @param conversation the messages and documents to check instead of {@code text}, or null; with
 *     one, {@code text} is empty
 * @param caller the authenticated caller's key id or JWT subject ({@code jwt:<sub>}), for the audit
 *     record; null when authentication is off or the request did not come over the API
 */
public record CheckRequest(
    String text,
    Stage stage,
    String profile,
    String tenant,
    String requestId,
    Map<String, String> context,
    boolean explain,
    Conversation conversation,
    String caller) {

  /** A request to check one text or a conversation, with no caller named. */
  public CheckRequest(
      String text,
      Stage stage,
      String profile,
      String tenant,
      String requestId,
      Map<String, String> context,
      boolean explain,
      Conversation conversation) {
    this(text, stage, profile, tenant, requestId, context, explain, conversation, null);
  }

  /** A request to check one text. */
  public CheckRequest(
      String text,
      Stage stage,
      String profile,
      String tenant,
      String requestId,
      Map<String, String> context,
      boolean explain) {
    this(text, stage, profile, tenant, requestId, context, explain, null);
  }

  /** A request to check a conversation. */
  public static CheckRequest of(
      Conversation conversation,
      Stage stage,
      String profile,
      String tenant,
      String requestId,
      Map<String, String> context,
      boolean explain) {
    Objects.requireNonNull(conversation, "conversation");
    return new CheckRequest("", stage, profile, tenant, requestId, context, explain, conversation);
  }

  /** The same request on behalf of a tenant, conversation and all. */
  public CheckRequest withTenant(String tenant) {
    return new CheckRequest(
        text, stage, profile, tenant, requestId, context, explain, conversation, caller);
  }

  /** The same request made by an authenticated caller (its key id or JWT subject). */
  public CheckRequest withCaller(String callerId) {
    return new CheckRequest(
        text, stage, profile, tenant, requestId, context, explain, conversation, callerId);
  }

  public CheckRequest {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(stage, "stage");
    tenant = tenant == null ? "" : tenant;
    context = context == null ? Map.of() : Map.copyOf(context);
  }
}
