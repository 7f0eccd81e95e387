package dev.parapet.console;

import dev.parapet.api.auth.Caller;
import dev.parapet.api.auth.Role;
import io.quarkus.qute.TemplateData;
import java.util.stream.Collectors;

/** The header every page shows: who is signed in, what they may open, the sign-out form's token. */
@TemplateData
public record Nav(
    String active,
    String who,
    String roles,
    String csrf,
    boolean canTry,
    boolean canPolicy,
    boolean canAudit,
    boolean canSignOut) {

  static Nav of(ConsoleSessions.Session session, String active, boolean authEnabled) {
    Caller c = session.caller();
    return new Nav(
        active,
        c.id(),
        c.roles().stream().map(Role::wireName).sorted().collect(Collectors.joining(", ")),
        session.csrfToken(),
        c.has(Role.CHECKER) || c.has(Role.POLICY_ADMIN),
        c.has(Role.POLICY_ADMIN),
        c.has(Role.AUDITOR),
        authEnabled);
  }
}
