package dev.parapet.api.audit;

import dev.parapet.app.AuditRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the audit store accepts work; reports which store and node. */
@Readiness
@ApplicationScoped
public class AuditReadiness implements HealthCheck {

  private final AuditRuntime audit;

  public AuditReadiness(AuditRuntime audit) {
    this.audit = audit;
  }

  @Override
  public HealthCheckResponse call() {
    // a reachable store that is too far behind the journal still refuses every new record
    boolean up = audit.log().store().reachable() && !audit.log().saturated();
    return HealthCheckResponse.named("audit")
        .status(up)
        .withData("store", audit.postgres() ? "postgresql" : "embedded")
        .withData("node", audit.log().node())
        .withData("mode", audit.log().mode().wireName())
        .withData("dropped", audit.log().dropped())
        .withData("backlog", audit.log().backlog())
        .build();
  }
}
