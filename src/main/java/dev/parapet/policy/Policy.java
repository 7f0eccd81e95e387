package dev.parapet.policy;

import dev.parapet.detect.Detector;
import dev.parapet.detect.DetectorSet;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.SourceProblem;
import dev.parapet.model.TierOutcome;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One immutable policy version: profiles, compiled tiers and the detectors built from the same
 * files. Shared by every request that started on it.
 */
public final class Policy {

  static final String TENANT = "${tenant}";
  static final String APP = "${app}";

  private final String version;
  private final Instant loadedAt;
  private final Map<String, Profile> profiles;
  private final String defaultProfile;
  private final Map<String, TierRules> tiers;
  private final DetectorSet detectors;
  private final List<PolicyException> exceptions;
  private final Map<String, Policy> shadows;
  private final List<PolicyFile> files;
  private final Path rulesDir;
  private final Path lexiconsDir;
  private final List<SourceProblem> warnings;

  Policy(
      PolicyDigest.Result digest,
      Path rulesDir,
      Path lexiconsDir,
      Instant loadedAt,
      Map<String, Profile> profiles,
      String defaultProfile,
      Map<String, TierRules> tiers,
      DetectorSet detectors,
      List<PolicyException> exceptions,
      Map<String, Policy> shadows,
      List<SourceProblem> warnings) {
    this(
        digest.version(),
        digest.files(),
        rulesDir,
        lexiconsDir,
        loadedAt,
        profiles,
        defaultProfile,
        tiers,
        detectors,
        exceptions,
        shadows,
        warnings);
  }

  Policy(
      String version,
      List<PolicyFile> files,
      Path rulesDir,
      Path lexiconsDir,
      Instant loadedAt,
      Map<String, Profile> profiles,
      String defaultProfile,
      Map<String, TierRules> tiers,
      DetectorSet detectors,
      List<PolicyException> exceptions,
      Map<String, Policy> shadows,
      List<SourceProblem> warnings) {
    this.version = version;
    this.warnings = List.copyOf(warnings);
    this.files = List.copyOf(files);
    this.rulesDir = rulesDir;
    this.lexiconsDir = lexiconsDir;
    this.shadows = Map.copyOf(shadows);
    this.loadedAt = loadedAt;
    this.profiles = Map.copyOf(profiles);
    this.defaultProfile = defaultProfile;
    this.tiers = Map.copyOf(tiers);
    this.detectors = detectors;
    this.exceptions = withAllowlists(exceptions, detectors);
  }

  /** The rules' exceptions, then each allowlist entry that carries an owner or an end date. */
  private static List<PolicyException> withAllowlists(
      List<PolicyException> rules, DetectorSet detectors) {
    List<PolicyException> all = new ArrayList<>(rules);
    for (DetectorSet.AllowlistException a : detectors.allowlistExceptions()) {
      all.add(
          new PolicyException(
              "allowlist",
              a.lexicon() + ".txt:" + a.line() + " " + a.term(),
              a.approvedBy(),
              a.reason(),
              a.expires(),
              a.inForce()));
    }
    return List.copyOf(all);
  }

  /** {@code sha256:<hex>} over every file of the rules and lexicons directories. */
  public String version() {
    return version;
  }

  /** Every file the version digest covers, with its own digest. */
  public List<PolicyFile> files() {
    return files;
  }

  /** The directories this version was read from. */
  public Path rulesDir() {
    return rulesDir;
  }

  public Path lexiconsDir() {
    return lexiconsDir;
  }

  /**
   * What loaded but cannot work as its officer meant: exemptions that never apply, exceptions
   * already expired.
   */
  public List<SourceProblem> warnings() {
    return warnings;
  }

  /** Each shadowed profile's candidate policy. */
  public Map<String, Policy> shadows() {
    return shadows;
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
    return detectors.detectors();
  }

  public DetectorSet detectorSet() {
    return detectors;
  }

  /** Each compiled tier by name, with its rule ids. */
  public Map<String, TierRules> tiers() {
    return tiers;
  }

  /**
   * Exceptions with an owner or an end date, in force and expired: the exempting rules', then the
   * allowlist entries'.
   */
  public List<PolicyException> exceptions() {
    return exceptions;
  }

  /** The candidate policy a profile is shadowed by, if any. */
  public Optional<Policy> shadowOf(String profile) {
    return Optional.ofNullable(shadows.get(profile));
  }

  /** Runs the profile's tiers, most authoritative first, and returns what each one said. */
  public List<TierOutcome> evaluate(Profile profile, CheckContext context, List<Finding> findings) {
    return evaluate(profile, context, findings, List.of());
  }

  /**
   * Runs the profile's tiers with more facts beside the findings (a conversation's messages and
   * tool calls), most authoritative first.
   */
  public List<TierOutcome> evaluate(
      Profile profile, CheckContext context, List<Finding> findings, List<?> facts) {
    List<TierOutcome> outcomes = new ArrayList<>(profile.tiers().size());
    for (String declared : profile.tiers()) {
      String name = resolve(declared, context);
      TierRules tier = name == null ? null : tiers.get(name);
      if (tier != null) {
        outcomes.add(
            facts.isEmpty()
                ? tier.evaluate(context, findings)
                : tier.evaluate(context, findings, facts));
      }
    }
    return outcomes;
  }

  /** Fills {@code ${tenant}} and {@code ${app}}; null when the request has no value for them. */
  static String resolve(String declared, CheckContext context) {
    if (declared.contains(TENANT)) {
      if (context.tenant() == null || context.tenant().isBlank()) {
        return null;
      }
      return declared.replace(TENANT, context.tenant());
    }
    if (declared.contains(APP)) {
      String app = context.value("app");
      return app.isBlank() ? null : declared.replace(APP, app);
    }
    return declared;
  }
}
