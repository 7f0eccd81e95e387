package dev.parapet.policy;

import dev.parapet.detect.DetectorSet;
import dev.parapet.detect.Detectors;
import dev.parapet.model.InvalidPolicyException;
import dev.parapet.model.PolicyFiles;
import dev.parapet.model.SourceProblem;
import dev.parapet.policy.drools.RuleBaseCache;
import dev.parapet.policy.drools.TierCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Builds a policy version from a rules and a lexicons directory: profiles, one compiled rule base
 * per tier, and the detectors. Either everything loads, or nothing does and every problem is
 * reported with its file and line.
 */
public final class PolicyLoader {

  /** Tier families whose tiers are named by two segments, such as {@code industry/finance}. */
  private static final Set<String> FAMILIES = Set.of("industry", "tenant", "app");

  private PolicyLoader() {}

  public static Policy load(Path rulesDir, Path lexiconsDir) {
    return load(rulesDir, lexiconsDir, Clock.systemUTC());
  }

  /**
   * @throws InvalidPolicyException with every problem found
   */
  public static Policy load(Path rulesDir, Path lexiconsDir, Clock clock) {
    return load(rulesDir, lexiconsDir, clock, null);
  }

  /**
   * @param lexiconCache where prebuilt lexicon indexes are kept, or null to build them every time
   * @throws InvalidPolicyException with every problem found
   */
  public static Policy load(Path rulesDir, Path lexiconsDir, Clock clock, Path lexiconCache) {
    return load(rulesDir, lexiconsDir, clock, lexiconCache, null, true);
  }

  /**
   * @param lexiconCache where prebuilt lexicon indexes are kept, or null to build them every time
   * @param ruleCache where compiled tiers are kept, or null to compile them every time
   * @throws InvalidPolicyException with every problem found
   */
  public static Policy load(
      Path rulesDir, Path lexiconsDir, Clock clock, Path lexiconCache, Path ruleCache) {
    return load(rulesDir, lexiconsDir, clock, lexiconCache, ruleCache, true);
  }

  private static Policy load(
      Path rulesDir,
      Path lexiconsDir,
      Clock clock,
      Path lexiconCache,
      Path ruleCache,
      boolean withShadows) {
    if (!Files.isDirectory(rulesDir)) {
      throw new InvalidPolicyException(
          rulesDir.toString(), 0, "the rules directory does not exist");
    }
    List<SourceProblem> problems = new ArrayList<>();
    ProfilesFile.Parsed profiles = readProfiles(rulesDir, problems);
    Map<String, List<Path>> files = ruleFiles(rulesDir, problems);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    TierCompiler compiler =
        new TierCompiler(rulesDir, today, ruleCache == null ? null : RuleBaseCache.in(ruleCache));
    // the detectors (lexicon indexes, recognizers) build beside the rule compilation: on two
    // cores the two overlap, and start-up waits for the longer
    CompletableFuture<DetectorSet> building =
        CompletableFuture.supplyAsync(
            () ->
                Detectors.build(rulesDir, lexiconsDir, clock, lexiconCache, phoneRegions(profiles)),
            task -> {
              Thread builder = new Thread(task, "parapet-policy-detectors");
              builder.setDaemon(true);
              builder.start();
            });
    Map<String, TierRules> tiers = new TreeMap<>();
    List<PolicyException> exceptions = new ArrayList<>();
    for (Map.Entry<String, List<Path>> tier : files.entrySet()) {
      TierCompiler.Result result = compiler.compile(tier.getKey(), tier.getValue());
      problems.addAll(result.problems());
      if (result.tier() != null) {
        tiers.put(tier.getKey(), result.tier());
        exceptions.addAll(result.tier().exceptions());
      }
    }
    checkTiersExist(rulesDir, profiles, problems);
    DetectorSet detectors = null;
    try {
      detectors = building.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof InvalidPolicyException invalid) {
        problems.addAll(invalid.problems());
      } else if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      } else {
        throw e;
      }
    }
    Map<String, Policy> shadows = new TreeMap<>();
    if (withShadows) {
      loadShadows(rulesDir, profiles, clock, lexiconCache, ruleCache, shadows, problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidPolicyException(problems);
    }
    List<SourceProblem> warnings =
        PolicyWarnings.of(rulesDir, files, tiers, exceptions, detectors.allowlistExceptions());
    return new Policy(
        PolicyDigest.digest(rulesDir, lexiconsDir),
        rulesDir,
        lexiconsDir,
        Instant.now(clock),
        profiles.profiles(),
        profiles.defaultProfile(),
        tiers,
        detectors,
        exceptions,
        shadows,
        warnings);
  }

  /** Candidate policies for shadow mode; a candidate's own shadows are not followed. */
  private static void loadShadows(
      Path rulesDir,
      ProfilesFile.Parsed profiles,
      Clock clock,
      Path lexiconCache,
      Path ruleCache,
      Map<String, Policy> shadows,
      List<SourceProblem> problems) {
    for (Profile profile : profiles.profiles().values()) {
      if (profile.shadow() == null) {
        continue;
      }
      Path base = rulesDir.toAbsolutePath().getParent();
      Path candidate = base == null ? Path.of(profile.shadow()) : base.resolve(profile.shadow());
      try {
        shadows.put(
            profile.name(),
            load(
                candidate.resolve("rules"),
                candidate.resolve("lexicons"),
                clock,
                lexiconCache,
                ruleCache,
                false));
      } catch (InvalidPolicyException e) {
        for (SourceProblem p : e.problems()) {
          problems.add(
              new SourceProblem(
                  "shadow " + profile.shadow() + ": " + p.file(), p.line(), p.message()));
        }
      }
    }
  }

  /** Per profile that names any, its phone regions for the PII detector. */
  private static Map<String, List<String>> phoneRegions(ProfilesFile.Parsed profiles) {
    Map<String, List<String>> out = new java.util.HashMap<>();
    profiles
        .profiles()
        .forEach(
            (name, profile) -> {
              if (!profile.phoneRegions().isEmpty()) {
                out.put(name, profile.phoneRegions());
              }
            });
    return out;
  }

  private static ProfilesFile.Parsed readProfiles(Path rulesDir, List<SourceProblem> problems) {
    Path file = rulesDir.resolve(ProfilesFile.NAME);
    if (!Files.isRegularFile(file)) {
      problems.add(new SourceProblem(ProfilesFile.NAME, 0, "missing: every policy needs profiles"));
      return new ProfilesFile.Parsed(Map.of(), null, List.of());
    }
    try {
      ProfilesFile.Parsed parsed =
          new ProfilesFile(Files.readString(file, StandardCharsets.UTF_8)).parse();
      problems.addAll(parsed.problems());
      return parsed;
    } catch (IOException e) {
      problems.add(new SourceProblem(ProfilesFile.NAME, 0, "cannot read: " + e.getMessage()));
      return new ProfilesFile.Parsed(Map.of(), null, List.of());
    }
  }

  /** Rule files grouped by tier: the first directory, or the first two for tier families. */
  private static Map<String, List<Path>> ruleFiles(Path rulesDir, List<SourceProblem> problems) {
    Map<String, List<Path>> byTier = new TreeMap<>();
    try {
      for (Path file : PolicyFiles.under(rulesDir, ".drl")) {
        Path relative = rulesDir.relativize(file);
        String tier = tierOf(relative);
        if (tier == null) {
          problems.add(
              new SourceProblem(
                  relative.toString().replace('\\', '/'),
                  0,
                  "rule files belong in a tier directory such as baseline/ or industry/finance/"));
        } else {
          byTier.computeIfAbsent(tier, t -> new ArrayList<>()).add(file);
        }
      }
    } catch (UncheckedIOException e) {
      problems.add(new SourceProblem(rulesDir.toString(), 0, "cannot list: " + e.getMessage()));
    }
    return byTier;
  }

  static String tierOf(Path relative) {
    int parts = relative.getNameCount();
    if (parts < 2) {
      return null;
    }
    String first = relative.getName(0).toString();
    if (FAMILIES.contains(first)) {
      return parts < 3 ? null : first + "/" + relative.getName(1);
    }
    return first;
  }

  private static void checkTiersExist(
      Path rulesDir, ProfilesFile.Parsed profiles, List<SourceProblem> problems) {
    for (Profile profile : profiles.profiles().values()) {
      for (String tier : profile.tiers()) {
        if (!tier.contains(Policy.TENANT)
            && !tier.contains(Policy.APP)
            && !Files.isDirectory(rulesDir.resolve(tier))) {
          problems.add(
              new SourceProblem(
                  ProfilesFile.NAME,
                  0,
                  "profile '"
                      + profile.name()
                      + "' names tier '"
                      + tier
                      + "', which has no directory"));
        }
      }
    }
  }
}
