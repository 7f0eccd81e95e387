package dev.parapet.api.audit;

import dev.parapet.api.policy.CopiedPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The starter policy with a profile {@code why}: tenant why-corp's tier exempts profanity
 * (applies), tries to exempt the baseline's block (kept mandatory) and holds an expired weapons
 * exception; {@code userEmail} is a sensitive context key; a small shadow candidate judges beside
 * it.
 */
public class WhyPolicy extends CopiedPolicy {

  static final String TENANT = "why-corp";

  @Override
  public Map<String, String> getConfigOverrides() {
    Map<String, String> config = new HashMap<>(super.getConfigOverrides());
    Path rules = Path.of(config.get("parapet.rules-dir"));
    Path root = rules.getParent();
    try {
      Files.writeString(
          rules.resolve("profiles.yaml"),
          "  why:\n"
              + "    tiers: [baseline, general, \"tenant/${tenant}\"]\n"
              + "    sensitiveContextKeys: [userEmail]\n"
              + "    shadow: candidate\n",
          StandardOpenOption.APPEND);
      write(
          rules,
          "tenant/" + TENANT + "/exceptions.drl",
          "package rules.tenant.whycorp;\nimport dev.parapet.model.*;\n"
              + "global dev.parapet.policy.Decide decide;\n"
              + "rule \"KeepProfanity\" @approvedBy(\"jane.doe\") @validUntil(\"2099-12-31\")\n"
              + "when\n  CheckContext()\nthen\n"
              + "  decide.exemptRule(\"general/redact-profanity\", \"gaming chat\");\nend\n"
              + "rule \"PassCriticalContent\"\n"
              + "when\n  CheckContext()\nthen\n"
              + "  decide.exemptRule(\"baseline/block-critical-content\", \"tries\");\nend\n"
              + "rule \"OldWeaponsException\" @approvedBy(\"bob\") @validUntil(\"2025-01-01\")\n"
              + "when\n  CheckContext()\nthen\n"
              + "  decide.exemptType(\"WEAPONS\", \"old\");\nend\n");
      Path candidate = root.resolve("candidate");
      write(
          candidate.resolve("rules"),
          "profiles.yaml",
          "defaultProfile: why\nprofiles:\n  why:\n    tiers: [baseline]\n");
      write(
          candidate.resolve("rules"),
          "baseline/gadgets.drl",
          "package candidate;\nimport dev.parapet.model.*;\n"
              + "global dev.parapet.policy.Decide decide;\n"
              + "rule \"BlockGadgets\"\nwhen\n  $f : Finding(type == \"GADGET\")\nthen\n"
              + "  decide.block(\"gadgets are not discussed\", $f);\nend\n");
      write(candidate.resolve("lexicons"), "gadgets.yaml", "category: gadget\nseverity: low\n");
      write(candidate.resolve("lexicons"), "gadgets.txt", "frobnicator\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return config;
  }

  private static void write(Path dir, String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
