package dev.parapet.detect.secret;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.parapet.model.InvalidPolicyException;
import dev.parapet.model.PolicyFiles;
import dev.parapet.model.SourceProblem;
import dev.parapet.model.StrictYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads credential kinds from YAML: the built-in catalogue shipped in the jar ({@code
 * secrets/catalogue.yaml}) and officers' files in {@code rules/secrets/*.yaml}, with one strict
 * reader that rejects unknown keys, so that a typo is an error rather than a kind silently ignored.
 */
public final class SecretCatalogue {

  static final String RESOURCE = "/secrets/catalogue.yaml";
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Z0-9_]+");
  private static volatile List<SecretKind> builtIn;

  private SecretCatalogue() {}

  /** The file's shape, as written. */
  record File(@JsonProperty(value = "kinds", required = true) List<Entry> kinds) {}

  /** One kind, as written. */
  record Entry(
      @JsonProperty(value = "id", required = true) String id,
      @JsonProperty(value = "provider", required = true) String provider,
      @JsonProperty("prefixes") List<String> prefixes,
      @JsonProperty("keywords") List<String> keywords,
      @JsonProperty(value = "pattern", required = true) String pattern,
      @JsonProperty("checksum") String checksum,
      @JsonProperty("minEntropy") Double minEntropy,
      @JsonProperty("before") Integer before) {}

  /** The kinds shipped in the jar, read once. */
  public static List<SecretKind> builtIn() {
    List<SecretKind> kinds = builtIn;
    if (kinds == null) {
      try (InputStream in = SecretCatalogue.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        List<SourceProblem> problems = new ArrayList<>();
        kinds = read(in.readAllBytes(), "catalogue.yaml", problems);
        if (!problems.isEmpty()) {
          throw new IllegalStateException("built-in secret catalogue: " + problems);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      builtIn = kinds;
    }
    return kinds;
  }

  /**
   * The kinds in {@code dir/*.yaml}, or none when there is no such directory.
   *
   * @throws InvalidPolicyException naming each file and line that could not be read
   */
  public static List<SecretKind> load(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<SecretKind> all = new ArrayList<>();
    List<SourceProblem> problems = new ArrayList<>();
    try {
      for (Path file : PolicyFiles.in(dir, ".yaml")) {
        if (!file.toString().endsWith(".test.yaml")) {
          all.addAll(read(Files.readAllBytes(file), "secrets/" + file.getFileName(), problems));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      problems.add(new SourceProblem("secrets", 0, "cannot read: " + e.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new InvalidPolicyException(problems);
    }
    return all;
  }

  static List<SecretKind> read(byte[] yaml, String name, List<SourceProblem> problems) {
    File file;
    try {
      file = YAML.readValue(yaml, File.class);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      String message = e.getOriginalMessage();
      if (e instanceof UnrecognizedPropertyException u) {
        line = lineBefore(yaml, u.getPropertyName() + ":", line);
        // the same wording and suggestion as every other policy file
        List<String> known = u.getKnownPropertyIds().stream().map(String::valueOf).toList();
        message = StrictYaml.unknownKey(u.getPropertyName(), known);
      }
      problems.add(new SourceProblem(name, line, message));
      return List.of();
    } catch (IOException e) {
      problems.add(new SourceProblem(name, 0, "cannot read: " + e.getMessage()));
      return List.of();
    }
    List<SecretKind> kinds = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    String text = new String(yaml, java.nio.charset.StandardCharsets.UTF_8);
    for (Entry e : file.kinds() == null ? List.<Entry>of() : file.kinds()) {
      String problem = problem(e, ids);
      if (problem != null) {
        problems.add(new SourceProblem(name, lineOf(text, e.id()), problem));
        continue;
      }
      kinds.add(
          new SecretKind(
              e.id(),
              e.provider().toLowerCase(Locale.ROOT),
              orEmpty(e.prefixes()),
              orEmpty(e.keywords()).stream().map(k -> k.toLowerCase(Locale.ROOT)).toList(),
              Pattern.compile(e.pattern()),
              checksum(e.checksum()),
              e.minEntropy() == null
                  ? (orEmpty(e.prefixes()).isEmpty() ? Secrets.MIN_ENTROPY : 0)
                  : e.minEntropy(),
              e.before() == null ? 0 : e.before()));
    }
    return kinds;
  }

  private static String problem(Entry e, Set<String> ids) {
    if (e.id() == null || !ID.matcher(e.id()).matches()) {
      return "kind id '" + e.id() + "' must be UPPER_SNAKE_CASE";
    }
    if (!ids.add(e.id())) {
      return "kind '" + e.id() + "' is defined twice";
    }
    if (e.provider() == null || e.provider().isBlank()) {
      return "kind '" + e.id() + "' needs a provider";
    }
    if (orEmpty(e.prefixes()).isEmpty() == orEmpty(e.keywords()).isEmpty()) {
      return "kind '" + e.id() + "' needs either prefixes or keywords (not both)";
    }
    for (String prefix : orEmpty(e.prefixes())) {
      if (prefix.length() < 2
          || !prefix.chars().allMatch(c -> c >= 32 && c < 127)
          || !prefix.strip().equals(prefix)) {
        return "kind '" + e.id() + "': prefix '" + prefix + "' must be 2+ printable ASCII chars";
      }
    }
    for (String keyword : orEmpty(e.keywords())) {
      if (keyword.length() < 3
          || !keyword.chars().allMatch(c -> c >= 32 && c < 127)
          || !keyword.strip().equals(keyword)) {
        return "kind '" + e.id() + "': keyword '" + keyword + "' must be 3+ printable ASCII chars";
      }
    }
    if (e.before() != null && (e.before() < 0 || e.before() > 64)) {
      return "kind '" + e.id() + "': before must be between 0 and 64";
    }
    if (checksum(e.checksum()) == null) {
      return "kind '"
          + e.id()
          + "': unknown checksum '"
          + e.checksum()
          + "'; known: crc32-base62, base64-user-password";
    }
    try {
      Pattern p = Pattern.compile(e.pattern());
      for (String prefix : orEmpty(e.prefixes())) {
        if (p.matcher(prefix).matches()) {
          return "kind '" + e.id() + "': pattern matches its bare prefix '" + prefix + "'";
        }
      }
    } catch (PatternSyntaxException x) {
      return "kind '" + e.id() + "': bad pattern: " + x.getDescription();
    }
    return null;
  }

  private static Checksum checksum(String name) {
    if (name == null || name.equals("none")) {
      return Checksum.NONE;
    }
    return switch (name) {
      case "crc32-base62" -> Checksum.CRC32_BASE62;
      case "base64-user-password" -> Checksum.BASE64_USER_PASSWORD;
      default -> null;
    };
  }

  private static List<String> orEmpty(List<String> list) {
    return list == null ? List.of() : list;
  }

  /** The last line at or before {@code line} that holds {@code key}: Jackson reports the next. */
  private static int lineBefore(byte[] yaml, String key, int line) {
    String[] lines = new String(yaml, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
    for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
      if (lines[i].contains(key)) {
        return i + 1;
      }
    }
    return line;
  }

  private static int lineOf(String text, String id) {
    int at = id == null ? -1 : text.indexOf("id: " + id);
    return at < 0 ? 0 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }
}
