package dev.parapet.detect;

import dev.parapet.detect.injection.InjectionDetector;
import dev.parapet.detect.lexicon.LexiconSet;
import dev.parapet.detect.pii.PiiDetector;
import dev.parapet.detect.secret.SecretDetector;
import dev.parapet.model.InvalidPolicyException;
import dev.parapet.text.Normalizer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Builds every detector of a policy version from its rules and lexicons directories. */
public final class Detectors {

  private Detectors() {}

  /**
   * @throws InvalidPolicyException naming each file and line that could not be loaded
   */
  public static DetectorSet build(Path rulesDir, Path lexiconsDir, Clock clock) {
    return build(rulesDir, lexiconsDir, clock, null);
  }

  /**
   * @param lexiconCache where prebuilt lexicon indexes are kept, or null to build them every time
   * @throws InvalidPolicyException naming each file and line that could not be loaded
   */
  public static DetectorSet build(Path rulesDir, Path lexiconsDir, Clock clock, Path lexiconCache) {
    return build(rulesDir, lexiconsDir, clock, lexiconCache, Map.of());
  }

  /**
   * @param phoneRegions per profile, the regions whose phone formats the PII detector looks for
   * @throws InvalidPolicyException naming each file and line that could not be loaded
   */
  public static DetectorSet build(
      Path rulesDir,
      Path lexiconsDir,
      Clock clock,
      Path lexiconCache,
      Map<String, List<String>> phoneRegions) {
    // the recognizers' automata and the secret kinds' patterns build beside the lexicons, each
    // on its own thread: on two cores they overlap with each other and with the rule compilation
    CompletableFuture<PiiDetector> pii =
        beside("parapet-policy-recognizers", () -> PiiDetector.load(rulesDir, phoneRegions));
    CompletableFuture<SecretDetector> secrets =
        beside("parapet-policy-secrets", () -> SecretDetector.load(rulesDir));
    LexiconSet lexicons = LexiconSet.load(lexiconsDir, new Normalizer(), clock, lexiconCache);
    List<Detector> detectors = new ArrayList<>();
    detectors.add(lexicons.detector());
    detectors.add(joined(pii));
    detectors.add(joined(secrets));
    detectors.add(new InjectionDetector());
    return new DetectorSet(
        detectors, lexicons.summaries(), lexicons.search(), lexicons.exceptions());
  }

  private static <T> CompletableFuture<T> beside(String thread, Supplier<T> building) {
    return CompletableFuture.supplyAsync(
        building,
        task -> {
          Thread builder = new Thread(task, thread);
          builder.setDaemon(true);
          builder.start();
        });
  }

  /** The built detector, or what its loading threw, as if it had been loaded on this thread. */
  private static <T> T joined(CompletableFuture<T> building) {
    try {
      return building.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
