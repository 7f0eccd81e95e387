package dev.parapet.policy.drools;

import dev.parapet.digest.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * Compiled tiers on disk, so that the command line compiles a tier's rule files only when they
 * changed. An entry is named by a SHA-256 over {@link #FORMAT}, the Drools version, the bytes of
 * the code the rules refer to (Parapet's fact classes), the tier's name and its files' names and
 * bytes: a changed rule file, a new Parapet build or another Drools version names another entry, so
 * a stale one is never read. Each entry starts with the SHA-256 of the serialized packages after
 * it; an entry that does not match, or does not read back, is deleted and the caller compiles as if
 * there were none. An entry is written under a temporary name and renamed into place.
 *
 * <p>The entries are Java-serialized Drools packages: the directory must be as trusted as the jars
 * the command runs from.
 */
public final class RuleBaseCache {

  /** Bump whenever what an entry holds changes, so entries of an older Parapet are ignored. */
  static final int FORMAT = 1;

  /** Entries kept: the policy's tiers, a shadow's, and a few earlier edits of each. */
  static final int KEEP = 48;

  private static final String SUFFIX = ".kpkg";
  static final byte[] MAGIC = "parapet-rule-base\n".getBytes(StandardCharsets.US_ASCII);

  private final Path dir;
  private final String code;

  /**
   * @param dir where the entries are kept
   * @param code what identifies the code the compiled rules refer to; part of every entry's name
   */
  RuleBaseCache(Path dir, String code) {
    this.dir = dir;
    this.code = code;
  }

  /** A cache for the running build: entries of another build or Drools version are not read. */
  public static RuleBaseCache in(Path dir) {
    return new RuleBaseCache(dir, Code.IDENTITY);
  }

  /** Computed once per JVM, on first use. */
  private static final class Code {
    static final String IDENTITY = codeIdentity();
  }

  /** The entry name for a tier with these files (relative name to text). */
  String key(String tier, Map<String, String> sources) {
    MessageDigest digest = Sha256.newDigest();
    update(digest, "format " + FORMAT);
    update(digest, "drools " + droolsVersion());
    update(digest, "java " + System.getProperty("java.specification.version"));
    update(digest, "code " + code);
    update(digest, "tier " + tier);
    for (Map.Entry<String, String> file : new TreeMap<>(sources).entrySet()) {
      update(digest, file.getKey());
      update(digest, file.getValue());
    }
    return java.util.HexFormat.of().formatHex(digest.digest());
  }

  /** The rule base stored under {@code key}, or null when there is none that reads back whole. */
  KieBase read(String key, ClassLoader loader) {
    Path entry = dir.resolve(key + SUFFIX);
    if (!Files.isRegularFile(entry)) {
      return null;
    }
    try {
      byte[] bytes = Files.readAllBytes(entry);
      byte[] payload = payload(bytes);
      if (payload == null) {
        Files.deleteIfExists(entry);
        return null;
      }
      List<KiePackage> packages = new ArrayList<>();
      try (ObjectInputStream in =
          new DroolsObjectInputStream(new ByteArrayInputStream(payload), loader)) {
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
          packages.add((KiePackage) in.readObject());
        }
      }
      InternalKnowledgeBase base =
          KnowledgeBaseFactory.newKnowledgeBase(
              RuleBaseFactory.newKnowledgeBaseConfiguration(null, loader));
      base.addPackages(packages);
      touch(entry);
      return base;
    } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
      // an entry that does not read back is only a cache miss: compile, and write it again
      try {
        Files.deleteIfExists(entry);
      } catch (IOException ignored) {
        // a read-only cache stays a miss
      }
      return null;
    }
  }

  /** Stores a compiled rule base; a cache that cannot be written is silently not used. */
  void write(String key, KieBase base) {
    Path temp = null;
    try {
      ByteArrayOutputStream serialized = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new DroolsObjectOutputStream(serialized)) {
        out.writeInt(base.getKiePackages().size());
        for (KiePackage pkg : base.getKiePackages()) {
          out.writeObject(pkg);
        }
      }
      byte[] payload = serialized.toByteArray();
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, ".tmp-", SUFFIX);
      ByteBuffer entry = ByteBuffer.allocate(MAGIC.length + 32 + payload.length);
      entry.put(MAGIC).put(Sha256.newDigest().digest(payload)).put(payload);
      Files.write(temp, entry.array());
      Files.move(
          temp,
          dir.resolve(key + SUFFIX),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      temp = null;
      prune();
    } catch (IOException | RuntimeException e) {
      // the next run compiles again; nothing else depends on the cache
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // left for the next prune
        }
      }
    }
  }

  /** The serialized packages when the entry's checksum matches them, else null. */
  private static byte[] payload(byte[] entry) {
    int header = MAGIC.length + 32;
    if (entry.length <= header || !Arrays.equals(entry, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return null;
    }
    byte[] payload = Arrays.copyOfRange(entry, header, entry.length);
    byte[] expected = Arrays.copyOfRange(entry, MAGIC.length, header);
    return MessageDigest.isEqual(expected, Sha256.newDigest().digest(payload)) ? payload : null;
  }

  private static void touch(Path entry) {
    try {
      Files.setLastModifiedTime(
          entry, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException ignored) {
      // pruning may then drop it a little early
    }
  }

  /** Keeps the most recently used entries; temporary files of crashed runs go too. */
  private void prune() throws IOException {
    List<Path> entries;
    try (Stream<Path> files = Files.list(dir)) {
      entries =
          files
              .filter(p -> p.getFileName().toString().endsWith(SUFFIX))
              .sorted(Comparator.comparing(RuleBaseCache::modified).reversed())
              .toList();
    }
    long hourAgo = System.currentTimeMillis() - 3_600_000L;
    for (int i = 0; i < entries.size(); i++) {
      Path p = entries.get(i);
      boolean temp = p.getFileName().toString().startsWith(".tmp-");
      if ((temp && modified(p) < hourAgo) || (!temp && i >= KEEP)) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  private static void update(MessageDigest digest, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
    digest.update(bytes);
  }

  private static String droolsVersion() {
    return String.valueOf(InternalRuleBase.class.getPackage().getImplementationVersion())
        + " "
        + location(InternalRuleBase.class);
  }

  private static String location(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    return source == null ? "?" : String.valueOf(source.getLocation());
  }

  /**
   * The SHA-256 of the jar (or class directory) holding Parapet's classes: the compiled rules name
   * its fact types, so another build must not read them.
   */
  private static String codeIdentity() {
    CodeSource source = RuleBaseCache.class.getProtectionDomain().getCodeSource();
    if (source == null) {
      return "unknown " + System.nanoTime();
    }
    try {
      Path code = Path.of(source.getLocation().toURI());
      MessageDigest digest = Sha256.newDigest();
      if (Files.isRegularFile(code)) {
        digestFile(digest, code);
      } else {
        try (Stream<Path> walk = Files.walk(code)) {
          for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
            update(digest, code.relativize(p).toString());
            digestFile(digest, p);
          }
        }
      }
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (URISyntaxException | IOException | RuntimeException e) {
      // an identity no other run shares: the cache is then written but never read
      return "unknown " + System.nanoTime();
    }
  }

  private static void digestFile(MessageDigest digest, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[65536];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
