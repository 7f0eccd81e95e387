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
    boolean up = audit.log().store().reachable();
    return HealthCheckResponse.named("audit")
        .status(up)
        .withData("store", audit.postgres() ? "postgresql" : "embedded")
        .withData("node", audit.log().node())
        .withData("mode", audit.log().mode().name().toLowerCase(java.util.Locale.ROOT))
        .withData("dropped", audit.log().dropped())
        .build();
  }
}
