package dev.parapet.api;

import dev.parapet.audit.PoisonedJournal;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One service for the tests of issue 19's defences, so that they cost one start: keys bound to
 * tenants, a short body idle timeout and in-flight bound, a tight failed-authentication throttle, a
 * data directory whose journal holds a record the store will refuse, and JWTs signed by {@link
 * TestJwt}.
 */
public class HardenedProfile implements QuarkusTestProfile {

  public static final String NODE = "hardened-node";
  public static final int MAX_IN_FLIGHT = 32;
  public static final long BODY_IDLE_MS = 5000;
  public static final int FAILED_AUTH_BURST = 3;

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "parapet.auth.keys-file",
        "src/test/resources/auth/bound-keys.yaml",
        "parapet.audit.node",
        NODE,
        "parapet.limits.body-idle-timeout",
        BODY_IDLE_MS + "ms",
        "parapet.limits.max-in-flight-per-key",
        Integer.toString(MAX_IN_FLIGHT),
        "parapet.auth.failed-auth-burst",
        Integer.toString(FAILED_AUTH_BURST),
        "parapet.auth.failed-auth-per-second",
        "0.2",
        "parapet.auth.jwt-public-key-file",
        TestJwt.publicKeyFile().toString());
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(PoisonedDataDir.class));
  }

  /** A fresh data directory whose journal holds a record the store refuses. */
  public static class PoisonedDataDir implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
      try {
        Path dir = Files.createTempDirectory("parapet-hardened").resolve("data");
        PoisonedJournal.write(dir, NODE);
        return Map.of("parapet.data-dir", dir.toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void stop() {
      // the temporary directory is left for inspection after a failure
    }
  }
}
