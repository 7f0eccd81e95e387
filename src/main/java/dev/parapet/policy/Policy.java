package dev.parapet.policy;

import dev.parapet.detect.Detector;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.TierOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One immutable policy version: profiles, compiled tiers and the detectors built from the same
 * files. Shared by every request that started on it.
 */
public final class Policy {

  private final String version;
  private final Instant loadedAt;
  private final Map<String, Profile> profiles;
  private final String defaultProfile;
  private final List<Detector> detectors;

  public Policy(
      String version,
      Instant loadedAt,
      Map<String, Profile> profiles,
      String defaultProfile,
      List<Detector> detectors) {
    this.version = version;
    this.loadedAt = loadedAt;
    this.profiles = Map.copyOf(profiles);
    this.defaultProfile = defaultProfile;
    this.detectors = List.copyOf(detectors);
  }

  /** {@code sha256:<hex>} over every file of the rules and lexicons directories. */
  public String version() {
    return version;
  }

  public Instant loadedAt() {
    return loadedAt;
  }

  public Optional<Profile> profile(String name) {
    return Optional.ofNullable(profiles.get(name));
  }

  public Profile defaultProfile() {
    return profiles.get(defaultProfile);
  }

  public Map<String, Profile> profiles() {
    return profiles;
  }

  public List<Detector> detectors() {
    return detectors;
  }

  /** Runs the profile's tiers, most authoritative first, and returns what each one said. */
  public List<TierOutcome> evaluate(Profile profile, CheckContext context, List<Finding> findings) {
    throw new UnsupportedOperationException("not built yet");
  }
}
