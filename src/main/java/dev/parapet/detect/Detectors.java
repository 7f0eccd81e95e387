package dev.parapet.detect;

import dev.parapet.model.InvalidPolicyException;
import java.nio.file.Path;
import java.util.List;

/** Builds every detector of a policy version from its rules and lexicons directories. */
public final class Detectors {

  private Detectors() {}

  /**
   * @throws InvalidPolicyException naming each file and line that could not be loaded
   */
  public static DetectorSet build(Path rulesDir, Path lexiconsDir) {
    return new DetectorSet(List.of(), List.of());
  }
}
