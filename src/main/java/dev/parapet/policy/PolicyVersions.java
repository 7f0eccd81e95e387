package dev.parapet.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.parapet.digest.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The registry of every policy version ever served, so that an audit record's {@code policyVersion}
 * can always be opened: per version, its files with their digests, each file's content compressed
 * and stored by its digest (shared between versions), and when each instance first and last served
 * it. Shadow candidates are versions of their own, listed with the profiles they shadowed.
 *
 * <p>Kept as files in the data directory: {@code files/<sha256>.gz} and {@code
 * versions/<hex>.json}, each written whole and moved into place, so a crash leaves the old file.
 */
public final class PolicyVersions {

  /** When one instance first and last served a version, ISO-8601 UTC. */
  public record Served(String first, String last) {}

  /**
   * One file of a version.
   *
   * @param stored whether its content is in the registry (false when it changed on disk before it
   *     could be stored, so only its digest is known)
   */
  public record StoredFile(String path, String sha256, long size, boolean stored) {}

  /**
   * One version.
   *
   * @param kinds {@code live} and/or {@code shadow}
   * @param shadowOf the profiles it was the shadow candidate of
   * @param shadows for a live version, each shadowed profile's candidate version
   * @param served per instance
   */
  public record Version(
      String version,
      List<String> kinds,
      List<String> shadowOf,
      Map<String, String> shadows,
      Map<String, Served> served,
      List<StoredFile> files) {

    public Version {
      kinds = List.copyOf(kinds);
      shadowOf = List.copyOf(shadowOf);
      shadows = Map.copyOf(shadows);
      served = Map.copyOf(served);
      files = List.copyOf(files);
    }

    /** The earliest first-served time of any instance. */
    public String firstServed() {
      return served.values().stream().map(Served::first).min(Comparator.naturalOrder()).orElse("");
    }

    /** The latest last-served time of any instance. */
    public String lastServed() {
      return served.values().stream().map(Served::last).max(Comparator.naturalOrder()).orElse("");
    }
  }

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
  private static final String LIVE = "live";
  private static final String SHADOW = "shadow";

  private final Path versionsDir;
  private final Path filesDir;
  private final String instance;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** What this instance serves now: the live version, and each profile's candidate. */
  private String live;

  private final Map<String, String> candidates = new HashMap<>();

  /**
   * @param dir the registry's directory, created when missing
   * @param instance this instance's name, as its audit chain names it
   */
  public PolicyVersions(Path dir, String instance, Clock clock) {
    this.versionsDir = dir.resolve("versions");
    this.filesDir = dir.resolve("files");
    this.instance = instance;
    this.clock = clock;
  }

  /**
   * Records that {@code policy} (and its shadow candidates) now serves on this instance; the
   * versions it replaces were last served now.
   */
  public synchronized void serving(Policy policy) throws IOException {
    String now = clock.instant().toString();
    if (live != null && !live.equals(policy.version())) {
      touch(live, now);
    }
    Map<String, String> shadows = new TreeMap<>();
    policy.shadows().forEach((profile, candidate) -> shadows.put(profile, candidate.version()));
    store(policy, LIVE, null, shadows);
    touch(policy.version(), now);
    live = policy.version();
    for (Map.Entry<String, String> was : Map.copyOf(candidates).entrySet()) {
      if (!was.getValue().equals(shadows.get(was.getKey()))) {
        touch(was.getValue(), now);
        candidates.remove(was.getKey());
      }
    }
    for (Map.Entry<String, Policy> shadow : policy.shadows().entrySet()) {
      store(shadow.getValue(), SHADOW, shadow.getKey(), Map.of());
      touch(shadow.getValue().version(), now);
      candidates.put(shadow.getKey(), shadow.getValue().version());
    }
  }

  /** Marks what this instance serves as last served now, as on shutdown. */
  public synchronized void stillServing() throws IOException {
    String now = clock.instant().toString();
    if (live != null) {
      touch(live, now);
    }
    for (String candidate : candidates.values()) {
      touch(candidate, now);
    }
  }

  /** Every version recorded, the most recently first served first. */
  public List<Version> list() throws IOException {
    List<Version> all = new ArrayList<>();
    if (!Files.isDirectory(versionsDir)) {
      return all;
    }
    try (Stream<Path> files = Files.list(versionsDir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        all.add(json.readValue(file.toFile(), Version.class));
      }
    }
    all.sort(Comparator.comparing(Version::firstServed).reversed());
    return all;
  }

  /** The version named {@code sha256:<hex>} (or bare hex), if it was ever served here. */
  public Optional<Version> find(String version) throws IOException {
    String hex = hex(version);
    if (hex == null) {
      return Optional.empty();
    }
    Path file = versionsDir.resolve(hex + ".json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(json.readValue(file.toFile(), Version.class));
  }

  /**
   * The content of one file of a version, checked against its digest.
   *
   * @return empty when the version, the file or its stored content is unknown
   * @throws IOException also when the stored content no longer matches its digest
   */
  public Optional<byte[]> content(String version, String path) throws IOException {
    Optional<StoredFile> file =
        find(version)
            .flatMap(v -> v.files().stream().filter(f -> f.path().equals(path)).findFirst());
    if (file.isEmpty() || !file.get().stored()) {
      return Optional.empty();
    }
    byte[] bytes;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(blob(file.get().sha256())))) {
      bytes = in.readAllBytes();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (!sha256(bytes).equals(file.get().sha256())) {
      throw new IOException("the stored content of " + path + " does not match its digest");
    }
    return Optional.of(bytes);
  }

  /** The hex of a version name, or null when it is not one. */
  static String hex(String version) {
    String hex = version.startsWith("sha256:") ? version.substring(7) : version;
    return HEX.matcher(hex).matches() ? hex : null;
  }

  private void store(Policy policy, String kind, String shadowOf, Map<String, String> shadows)
      throws IOException {
    Optional<Version> known = find(policy.version());
    List<StoredFile> files;
    if (known.isPresent()) {
      files = known.get().files();
    } else {
      files = new ArrayList<>();
      for (PolicyFile f : policy.files()) {
        files.add(new StoredFile(f.path(), f.sha256(), f.size(), keep(policy, f)));
      }
    }
    TreeSet<String> kinds = new TreeSet<>(known.map(Version::kinds).orElse(List.of()));
    kinds.add(kind);
    TreeSet<String> of = new TreeSet<>(known.map(Version::shadowOf).orElse(List.of()));
    if (shadowOf != null) {
      of.add(shadowOf);
    }
    Map<String, String> allShadows = new TreeMap<>(known.map(Version::shadows).orElse(Map.of()));
    allShadows.putAll(shadows);
    write(
        new Version(
            policy.version(),
            List.copyOf(kinds),
            List.copyOf(of),
            allShadows,
            known.map(Version::served).orElse(Map.of()),
            files));
  }

  /** Stores a file's content under its digest, unless it changed since the version was read. */
  private boolean keep(Policy policy, PolicyFile file) throws IOException {
    Path target = blob(file.sha256());
    if (Files.isRegularFile(target)) {
      return true;
    }
    Path source = source(policy, file.path());
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(source);
    } catch (NoSuchFileException e) {
      return false;
    }
    if (!sha256(bytes).equals(file.sha256())) {
      return false;
    }
    Files.createDirectories(filesDir);
    Path temp = Files.createTempFile(filesDir, ".blob", ".tmp");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(temp))) {
      out.write(bytes);
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return true;
  }

  private static Path source(Policy policy, String path) {
    int slash = path.indexOf('/');
    Path root = path.startsWith("rules/") ? policy.rulesDir() : policy.lexiconsDir();
    return root.resolve(path.substring(slash + 1));
  }

  private void touch(String version, String now) throws IOException {
    Optional<Version> known = find(version);
    if (known.isEmpty()) {
      return;
    }
    Version v = known.get();
    Map<String, Served> served = new TreeMap<>(v.served());
    Served was = served.get(instance);
    served.put(instance, new Served(was == null ? now : was.first(), now));
    write(new Version(v.version(), v.kinds(), v.shadowOf(), v.shadows(), served, v.files()));
  }

  private void write(Version version) throws IOException {
    Files.createDirectories(versionsDir);
    Path target = versionsDir.resolve(hex(version.version()) + ".json");
    Path temp = Files.createTempFile(versionsDir, ".version", ".tmp");
    try {
      json.writeValue(temp.toFile(), version);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | UncheckedIOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  private Path blob(String sha256) {
    return filesDir.resolve(sha256 + ".gz");
  }

  private static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(Sha256.newDigest().digest(bytes));
  }
}
