package dev.parapet.policy;

import dev.parapet.detect.DetectorSet;
import dev.parapet.model.SourceProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What loads but cannot do what its officer meant: an exemption of a rule that no tier may relax (a
 * baseline rule, or one not marked overridable), or of a rule no tier defines, and exceptions whose
 * end date has passed. Reported in {@code GET /v1/policies} and the log, not refused: the policy is
 * still safe, only the relaxation never happens.
 */
final class PolicyWarnings {

  /** {@code decide.exemptRule("id"} or {@code decide.lower("id"}, the target as a literal. */
  private static final Pattern EXEMPTION =
      Pattern.compile("decide\\s*\\.\\s*(?:exemptRule|lower)\\s*\\(\\s*\"([^\"]+)\"");

  private PolicyWarnings() {}

  static List<SourceProblem> of(
      Path rulesDir,
      Map<String, List<Path>> ruleFiles,
      Map<String, TierRules> tiers,
      List<PolicyException> exceptions,
      List<DetectorSet.AllowlistException> allowlist) {
    List<SourceProblem> warnings = new ArrayList<>();
    for (List<Path> files : ruleFiles.values()) {
      for (Path file : files) {
        exemptions(rulesDir, file, tiers, warnings);
      }
    }
    for (PolicyException e : exceptions) {
      if (!e.inForce() && e.kind().equals("rule")) {
        warnings.add(
            new SourceProblem(
                "rule " + e.id(),
                0,
                "the exception expired on "
                    + e.expires()
                    + " and no longer applies; renew it or remove it"));
      }
    }
    for (DetectorSet.AllowlistException a : allowlist) {
      if (!a.inForce()) {
        warnings.add(
            new SourceProblem(
                a.lexicon() + ".txt",
                a.line(),
                "the allowlist entry expired on "
                    + a.expires()
                    + " and no longer applies; renew it or remove it"));
      }
    }
    return List.copyOf(warnings);
  }

  private static void exemptions(
      Path rulesDir, Path file, Map<String, TierRules> tiers, List<SourceProblem> warnings) {
    String drl;
    try {
      drl = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return; // the compiler has reported it
    }
    String relative = rulesDir.relativize(file).toString().replace('\\', '/');
    String[] lines = drl.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].strip().startsWith("//")) {
        continue;
      }
      Matcher m = EXEMPTION.matcher(lines[i]);
      while (m.find()) {
        String message = problem(m.group(1), tiers);
        if (message != null) {
          warnings.add(new SourceProblem(relative, i + 1, message));
        }
      }
    }
  }

  /** Why an exemption of {@code ruleId} can never apply, or null when it can. */
  private static String problem(String ruleId, Map<String, TierRules> tiers) {
    for (TierRules tier : tiers.values()) {
      if (tier.ruleIds().contains(ruleId)) {
        if (TierRules.BASELINE.equals(tier.name())) {
          return "exempts "
              + ruleId
              + ", a baseline rule, which no tier may relax: the exemption never applies";
        }
        if (!tier.overridable(ruleId)) {
          return "exempts "
              + ruleId
              + ", which is not marked @overridable(true): the exemption never applies";
        }
        return null;
      }
    }
    return "exempts " + ruleId + ", which no tier defines: the exemption never applies";
  }
}
