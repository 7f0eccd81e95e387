package dev.parapet.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where journaled records go that the store refuses for what they hold (a value too long for its
 * column, a character the database cannot store): one file per record, named by node and seq, so
 * the record is kept, the records behind it are not held up, and an operator can see and replay it.
 * Retrying such a record could never succeed, and a store that refused it must not stop the chain:
 * it resumes after the quarantined record, and the verifier reports the gap.
 */
public final class AuditQuarantine {

  private static final Logger LOG = Logger.getLogger(AuditQuarantine.class.getName());
  private static final Pattern NAME = Pattern.compile("(.+)-(\\d{20})\\.json");

  private final Path dir;

  public AuditQuarantine(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** Keeps a record the store refused, durably, and says so in the log. */
  void add(SealedRecord sealed, Exception cause) throws IOException {
    AuditRecord r = sealed.record();
    DataFiles.createPrivateDirectories(dir);
    String name = String.format(Locale.ROOT, "%s-%020d.json", safe(r.node()), r.seq());
    Path target = dir.resolve(name);
    Path partial = dir.resolve(name + ".part");
    DataFiles.writePrivate(partial, (sealed.json() + "\n").getBytes(StandardCharsets.UTF_8));
    Files.move(
        partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    // the cause names the column, never the value: values may be long or sensitive
    LOG.log(
        Level.SEVERE,
        "audit record {0} (node {1}, seq {2}) refused by the store and quarantined in {3}: {4}",
        new Object[] {r.auditId(), r.node(), r.seq(), target, describe(cause)});
  }

  /** How many records wait in quarantine, of every node. */
  public int count() {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return (int) files.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).count();
    } catch (IOException e) {
      return 0;
    }
  }

  /** The newest quarantined record of a node, so that its chain resumes after it. */
  Optional<AuditRecord> last(String node) throws IOException {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    Path newest = null;
    long newestSeq = -1;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (m.matches() && m.group(1).equals(safe(node))) {
          long seq = Long.parseLong(m.group(2));
          if (seq > newestSeq) {
            newestSeq = seq;
            newest = p;
          }
        }
      }
    }
    if (newest == null) {
      return Optional.empty();
    }
    return Optional.of(Canonical.parse(Files.readString(newest, StandardCharsets.UTF_8).trim()));
  }

  private static String safe(String node) {
    return node.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static String describe(Exception cause) {
    if (cause instanceof java.sql.SQLException sql) {
      return "SQLState " + sql.getSQLState() + " (" + sql.getClass().getSimpleName() + ")";
    }
    return cause.getClass().getSimpleName();
  }
}
