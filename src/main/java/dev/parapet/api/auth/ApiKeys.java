package dev.parapet.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.digest.Sha256;
import dev.parapet.model.SourceProblem;
import dev.parapet.model.StrictYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The API keys a deployment accepts, as SHA-256 hashes (the keys themselves are never stored).
 * Lookup compares against every entry in constant time, so timing reveals nothing about a key.
 */
public final class ApiKeys {

  /** One accepted key. */
  record Entry(String id, byte[] sha256, Set<Role> roles, Set<String> tenants) {}

  private static final List<String> FIELDS = List.of("id", "sha256", "roles", "tenants");

  private final List<Entry> entries;

  private ApiKeys(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * Reads a keys file: {@code keys: [{id, sha256, roles: [checker, …], tenants: [acme, …]}]};
   * {@code tenants} is optional and binds the key to those tenants.
   */
  public static ApiKeys load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the keys file " + file + ": " + e.getMessage());
    }
    // read like every other officer's file: a misspelt member is named at its line, with the
    // member it was probably meant to be
    List<SourceProblem> problems = new ArrayList<>();
    StrictYaml doc = StrictYaml.parse(file.toString(), text, problems);
    if (doc == null) {
      throw invalid(problems);
    }
    JsonNode root = doc.root();
    doc.checkKeys(root, List.of("keys"), "", problems);
    List<Entry> entries = new ArrayList<>();
    JsonNode keys = root == null ? null : root.get("keys");
    if (keys == null || !keys.isArray()) {
      problems.add(new SourceProblem(file.toString(), 1, "the keys file needs a 'keys' list"));
      throw invalid(problems);
    }
    for (JsonNode key : keys) {
      String id = key.path("id").asText("");
      String hash = key.path("sha256").asText("");
      if (id.isEmpty() || !hash.matches("[0-9a-fA-F]{64}")) {
        throw new IllegalStateException(
            "each key in " + file + " needs an 'id' and a 64-hex-digit 'sha256'");
      }
      doc.checkKeys(key, FIELDS, "key '" + id + "': ", problems);
      Set<Role> roles = EnumSet.noneOf(Role.class);
      for (JsonNode role : key.path("roles")) {
        Role parsed = Role.parse(role.asText());
        if (parsed == null) {
          throw new IllegalStateException(
              "key '" + id + "' in " + file + " names an unknown role '" + role.asText() + "'");
        }
        roles.add(parsed);
      }
      entries.add(new Entry(id, HexFormat.of().parseHex(hash), roles, tenants(key, id, file)));
    }
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
    return new ApiKeys(entries);
  }

  /** Every problem of the file, one {@code file:line: message} a line. */
  private static IllegalStateException invalid(List<SourceProblem> problems) {
    return new IllegalStateException(
        String.join("\n", problems.stream().map(SourceProblem::toString).toList()));
  }

  private static Set<String> tenants(JsonNode key, String id, Path file) {
    JsonNode list = key.get("tenants");
    if (list == null || list.isNull()) {
      return Set.of();
    }
    if (!list.isArray()) {
      throw new IllegalStateException(
          "'tenants' of key '" + id + "' in " + file + " must be a list");
    }
    Set<String> tenants = new java.util.LinkedHashSet<>();
    for (JsonNode tenant : list) {
      if (!tenant.isTextual() || tenant.textValue().isBlank()) {
        throw new IllegalStateException(
            "'tenants' of key '" + id + "' in " + file + " must list tenant names");
      }
      tenants.add(tenant.textValue());
    }
    return tenants;
  }

  public int size() {
    return entries.size();
  }

  /** The caller a presented key belongs to, if any. */
  public Optional<Caller> authenticate(String presentedKey) {
    byte[] presented = sha256(presentedKey);
    Entry match = null;
    for (Entry entry : entries) {
      // no early exit: every entry is compared, whatever matched
      if (MessageDigest.isEqual(entry.sha256(), presented) && match == null) {
        match = entry;
      }
    }
    return match == null
        ? Optional.empty()
        : Optional.of(new Caller(match.id(), match.roles(), match.tenants()));
  }

  /** The hex SHA-256 of a key, as the keys file stores it. */
  public static String hashOf(String key) {
    return HexFormat.of().formatHex(sha256(key));
  }

  static byte[] sha256(String key) {
    return Sha256.of(key);
  }

  /** Writes a keys file with one key holding every role; used for the first-run bootstrap key. */
  static void writeBootstrap(Path file, String id, String key) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      dev.parapet.audit.DataFiles.createPrivateDirectories(parent);
    }
    String yaml =
        "# Written on first start: the key itself was printed once in the log and is not stored.\n"
            + "# Replace this file (or set PARAPET_AUTH_KEYS_FILE) with your own keys.\n"
            + "keys:\n"
            + "  - id: "
            + id
            + "\n    sha256: "
            + hashOf(key)
            + "\n    roles: [checker, auditor, policy-admin]\n";
    dev.parapet.audit.DataFiles.writePrivate(file, yaml.getBytes(StandardCharsets.UTF_8));
  }
}
