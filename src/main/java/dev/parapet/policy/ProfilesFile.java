package dev.parapet.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.detect.pii.PiiDetector;
import dev.parapet.model.RedactionMethod;
import dev.parapet.model.SourceProblem;
import dev.parapet.model.StrictYaml;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads {@code rules/profiles.yaml}: the profiles, their tiers and their settings. */
final class ProfilesFile {

  static final String NAME = "profiles.yaml";
  private static final Set<String> ROOT_KEYS = Set.of("profiles", "defaultProfile");
  private static final Set<String> PROFILE_KEYS =
      Set.of(
          "tiers",
          "failMode",
          "redaction",
          "textStorage",
          "injectionThreshold",
          "description",
          "shadow",
          "phoneRegions",
          "sensitiveContextKeys");

  /** The profiles read, the default profile's name, and every problem found. */
  record Parsed(
      Map<String, Profile> profiles, String defaultProfile, List<SourceProblem> problems) {}

  private final String yaml;
  private final List<SourceProblem> problems = new ArrayList<>();
  private StrictYaml doc;

  ProfilesFile(String yaml) {
    this.yaml = yaml;
  }

  Parsed parse() {
    doc = StrictYaml.parse(NAME, yaml, problems);
    if (doc == null) {
      return new Parsed(Map.of(), null, problems);
    }
    JsonNode root = doc.root();
    doc.checkKeys(root, ROOT_KEYS, "", problems);
    if (root == null || !root.path("profiles").isObject() || root.path("profiles").isEmpty()) {
      problem(1, "needs a 'profiles' map with at least one profile");
      return new Parsed(Map.of(), null, problems);
    }
    Map<String, Profile> profiles = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.get("profiles").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      Profile profile = profile(entry.getKey(), entry.getValue());
      if (profile != null) {
        profiles.put(entry.getKey(), profile);
      }
    }
    String defaultProfile = root.path("defaultProfile").asText("default");
    if (!profiles.containsKey(defaultProfile) && problems.isEmpty()) {
      problem(lineOf("defaultProfile"), "defaultProfile '" + defaultProfile + "' is not a profile");
    }
    return new Parsed(profiles, defaultProfile, problems);
  }

  private Profile profile(String name, JsonNode node) {
    int line = doc.line(doc.root().get("profiles"), name);
    int before = problems.size();
    doc.checkKeys(node, PROFILE_KEYS, "profile '" + name + "': ", problems);
    List<String> tiers = new ArrayList<>();
    JsonNode tierList = node.path("tiers");
    if (!tierList.isArray() || tierList.isEmpty()) {
      problem(line, "profile '" + name + "' needs a non-empty 'tiers' list");
    }
    tierList.forEach(t -> tiers.add(t.asText()));
    FailMode failMode =
        enumValue(FailMode.class, node.path("failMode").asText("closed"), name, "failMode", line);
    TextStorage storage =
        enumValue(
            TextStorage.class, node.path("textStorage").asText("none"), name, "textStorage", line);
    RedactionMethod defaultMethod = RedactionMethod.REPLACE;
    Map<String, RedactionMethod> redaction = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.path("redaction").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      RedactionMethod method = RedactionMethod.parse(entry.getValue().asText());
      if (method == null) {
        problem(
            lineOf(entry.getKey() + ":", line),
            "profile '"
                + name
                + "': redaction '"
                + entry.getValue().asText()
                + "' is not replace, mask, keep-last-4 or hash");
      } else if (entry.getKey().equals("default")) {
        defaultMethod = method;
      } else {
        redaction.put(entry.getKey(), method);
      }
    }
    double threshold = node.path("injectionThreshold").asDouble(0.7);
    if (threshold < 0 || threshold > 1) {
      problem(line, "profile '" + name + "': injectionThreshold must be between 0 and 1");
    }
    List<String> phoneRegions = new ArrayList<>();
    node.path("phoneRegions")
        .forEach(
            r -> {
              String region = r.asText().toUpperCase(Locale.ROOT);
              if (PiiDetector.isPhoneRegion(region)) {
                phoneRegions.add(region);
              } else {
                problem(
                    lineOf("phoneRegions:", line),
                    "profile '" + name + "': phoneRegions: '" + r.asText() + "' is not a region");
              }
            });
    Set<String> sensitive = sensitiveContextKeys(name, node.get("sensitiveContextKeys"), line);
    if (problems.size() > before) {
      return null;
    }
    String shadow = node.path("shadow").isTextual() ? node.get("shadow").asText() : null;
    return new Profile(
        name,
        tiers,
        failMode,
        defaultMethod,
        redaction,
        storage,
        threshold,
        shadow,
        phoneRegions,
        sensitive);
  }

  /** The context keys audit records keep hashed: a list of non-empty strings, or absent. */
  private Set<String> sensitiveContextKeys(String profile, JsonNode node, int near) {
    Set<String> keys = new java.util.LinkedHashSet<>();
    if (node == null || node.isNull()) {
      return keys;
    }
    int line = lineOf("sensitiveContextKeys:", near);
    if (!node.isArray()) {
      problem(line, "profile '" + profile + "': sensitiveContextKeys must be a list of keys");
      return keys;
    }
    for (JsonNode key : node) {
      if (!key.isTextual() || key.asText().isBlank()) {
        problem(
            line,
            "profile '"
                + profile
                + "': sensitiveContextKeys: '"
                + key.asText()
                + "' is not a context key");
      } else {
        keys.add(key.asText());
      }
    }
    return keys;
  }

  private <E extends Enum<E>> E enumValue(
      Class<E> type, String value, String profile, String key, int near) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problem(
          lineOf(key + ":", near),
          "profile '" + profile + "': '" + value + "' is not a valid " + key);
      return null;
    }
  }

  private void problem(int line, String message) {
    problems.add(new SourceProblem(NAME, line, message));
  }

  private int lineOf(String needle) {
    return lineOf(needle, 1);
  }

  /** The first line at or after {@code from} that contains the needle, else {@code from}. */
  private int lineOf(String needle, int from) {
    String[] lines = yaml.split("\n", -1);
    for (int i = Math.max(0, from - 1); i < lines.length; i++) {
      if (lines[i].contains(needle)) {
        return i + 1;
      }
    }
    return from;
  }
}
