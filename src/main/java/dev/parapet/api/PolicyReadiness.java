package dev.parapet.api;

import dev.parapet.app.PolicyRuntime;
import dev.parapet.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while a policy version is loaded; reports which one. */
@Readiness
@ApplicationScoped
public class PolicyReadiness implements HealthCheck {

  private final PolicyRuntime runtime;

  public PolicyReadiness(PolicyRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public HealthCheckResponse call() {
    Policy policy = runtime.current();
    if (policy == null) {
      return HealthCheckResponse.named("policy").down().withData("loaded", false).build();
    }
    return HealthCheckResponse.named("policy")
        .up()
        .withData("loaded", true)
        .withData("version", policy.version())
        .withData("loadedAt", policy.loadedAt().toString())
        .withData("profiles", String.join(",", policy.profiles().keySet()))
        .build();
  }
}
