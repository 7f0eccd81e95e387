package dev.parapet.api.audit;

import dev.parapet.app.AuditRuntime;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * DOWN while the audit quarantine holds records the store refused: they are kept, but an operator
 * has to look at them. A wellness check, not readiness: the service goes on recording meanwhile,
 * and taking it out of rotation would turn one bad record into an outage.
 */
@Wellness
@ApplicationScoped
public class AuditQuarantineHealth implements HealthCheck {

  private final AuditRuntime audit;

  public AuditQuarantineHealth(AuditRuntime audit) {
    this.audit = audit;
  }

  @Override
  public HealthCheckResponse call() {
    int quarantined = audit.log().quarantined();
    return HealthCheckResponse.named("audit-quarantine")
        .status(quarantined == 0)
        .withData("quarantined", quarantined)
        .withData("directory", audit.quarantineDir())
        .build();
  }
}
