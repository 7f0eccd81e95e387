package dev.parapet.api.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The starter policy with a lexicon private to tenant acme and a profile {@code trial} shadowed by
 * a small candidate policy that blocks what the live one lets through; files are watched.
 */
public class TenantsAndShadowPolicy extends CopiedPolicy {

  static final String CANDIDATE_TEST =
      "cases:\n"
          + "  - name: the candidate blocks gadgets\n"
          + "    profile: trial\n"
          + "    text: my frobnicator\n"
          + "    expect: { decision: block, types: [GADGET] }\n";

  static Path candidate() {
    return root.resolve("candidate");
  }

  @Override
  public Map<String, String> getConfigOverrides() {
    Map<String, String> config = new HashMap<>(super.getConfigOverrides());
    config.put("parapet.reload.debounce-ms", "200");
    try {
      write(lexicons(), "tenant/acme/competitors.yaml", "category: competitor\nseverity: low\n");
      write(lexicons(), "tenant/acme/competitors.txt", "globex\n");
      Files.writeString(
          rules().resolve("profiles.yaml"),
          "  trial:\n    tiers: [baseline, general]\n    shadow: candidate\n",
          StandardOpenOption.APPEND);
      Path c = candidate();
      write(
          c.resolve("rules"),
          "profiles.yaml",
          "defaultProfile: trial\nprofiles:\n  trial:\n    tiers: [baseline]\n");
      write(
          c.resolve("rules"),
          "baseline/gadgets.drl",
          "package candidate;\nimport dev.parapet.model.*;\n"
              + "global dev.parapet.policy.Decide decide;\n"
              + "rule \"BlockGadgets\"\nwhen\n  $f : Finding(type == \"GADGET\")\nthen\n"
              + "  decide.block(\"gadgets are not discussed\", $f);\nend\n");
      write(c.resolve("rules"), "baseline/gadgets.test.yaml", CANDIDATE_TEST);
      write(c.resolve("lexicons"), "gadgets.yaml", "category: gadget\nseverity: low\n");
      write(c.resolve("lexicons"), "gadgets.txt", "frobnicator\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return config;
  }

  static void write(Path dir, String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
