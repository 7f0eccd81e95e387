package dev.parapet.api;

import dev.parapet.model.InvalidPolicyException;
import dev.parapet.policy.Policy;
import dev.parapet.policy.PolicyLoader;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/** Holds the policy version that serves requests, loaded at start-up. */
@Startup
@ApplicationScoped
public class PolicyRuntime {

  private static final Logger LOG = Logger.getLogger(PolicyRuntime.class);

  private final ParapetConfig config;
  private final AtomicReference<Policy> current = new AtomicReference<>();

  public PolicyRuntime(ParapetConfig config) {
    this.config = config;
  }

  @PostConstruct
  void loadOnStart() {
    try {
      Policy loaded = PolicyLoader.load(rulesDir(), lexiconsDir());
      current.set(loaded);
      LOG.infof("policy %s loaded from %s and %s", loaded.version(), rulesDir(), lexiconsDir());
    } catch (InvalidPolicyException e) {
      e.problems().forEach(p -> LOG.errorf("policy problem %s", p));
      LOG.error("no policy loaded: checks answer 503 until the policy is fixed and reloaded");
    }
  }

  /** The serving policy version, or null while none is loaded. */
  public Policy current() {
    return current.get();
  }

  public Path rulesDir() {
    return Path.of(config.rulesDir());
  }

  public Path lexiconsDir() {
    return Path.of(config.lexiconsDir());
  }
}
