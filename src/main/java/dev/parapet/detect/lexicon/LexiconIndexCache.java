package dev.parapet.detect.lexicon;

import dev.parapet.detect.DetectorSet;
import dev.parapet.digest.Sha256;
import dev.parapet.model.InvalidPolicyException;
import dev.parapet.model.Severity;
import dev.parapet.text.Normalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.util.Version;
import org.apache.lucene.util.fst.FST;
import org.apache.lucene.util.fst.PositiveIntOutputs;

/**
 * Prebuilt lexicon sets on disk, so that loading the same lexicon files again opens an index
 * instead of building one. Each set lives in a directory named by a SHA-256 over {@link #FORMAT}
 * and the lexicon files' names and bytes: the Lucene index under {@code index/}, and in one
 * checksummed file the FST of match keys and every entry's metadata. A set is written complete
 * under a temporary name and renamed into place, so neither a crash nor another instance sharing
 * the directory ever sees half of one. A set that cannot be read is set aside and built again; sets
 * of other lexicon files are pruned, the most recently used few kept.
 */
final class LexiconIndexCache {

  /**
   * Version of the cache layout. Bump it whenever the layout, the match keys, the tokenizer or the
   * normalizer change, so caches built by an older Parapet are ignored.
   */
  // 2: entries carry the Via bits of their term's spelling, and keys read traditional Chinese as
  // simplified and look-alike letters as Latin
  static final int FORMAT = 3;

  static final String DATA = "lexicon-set.bin";
  static final String INDEX = "index";

  /** Sets kept in the cache directory, the one in use included (a policy and its shadows). */
  static final int KEEP = 4;

  private static final String CODEC = "ParapetLexiconSet";
  private static final String TEMP = ".tmp-";
  private static final String TRASH = ".trash-";
  private static final Duration STALE_TEMP = Duration.ofHours(1);
  private static final Logger LOG = Logger.getLogger(LexiconIndexCache.class.getName());

  private LexiconIndexCache() {}

  /**
   * Opens the prebuilt set for the files of {@code lexiconsDir}, building it when there is none.
   */
  static LexiconSet load(Path cacheDir, Path lexiconsDir, Normalizer normalizer, LocalDate today) {
    String key;
    try {
      key = key(lexiconsDir);
      Files.createDirectories(cacheDir);
    } catch (IOException | UncheckedIOException e) {
      LOG.warning("lexicon index cache unusable, building in memory: " + e);
      return inMemory(lexiconsDir, normalizer, today);
    }
    Path target = cacheDir.resolve(key);
    if (Files.isDirectory(target)) {
      LexiconSet cached = open(target, key, normalizer, today);
      if (cached != null) {
        touch(target);
        prune(cacheDir, key);
        return cached;
      }
      discard(cacheDir, target);
    }
    LexiconSet built = buildAndSave(cacheDir, target, key, lexiconsDir, normalizer, today);
    prune(cacheDir, key);
    return built;
  }

  /** The cache key of the lexicon files in {@code dir}: hex SHA-256. */
  static String key(Path dir) throws IOException {
    MessageDigest sha = sha256();
    sha.update(
        ("parapet-lexicon-set\0"
                + FORMAT
                + "\0"
                + Version.LATEST
                + "\0"
                + Runtime.version().feature()
                + "\0")
            .getBytes(StandardCharsets.UTF_8));
    for (Path txt : LexiconSet.termFiles(dir)) {
      String name = txt.getFileName().toString();
      Path yaml = txt.resolveSibling(name.replaceFirst("\\.txt$", "") + ".yaml");
      feed(sha, name, txt);
      if (Files.isRegularFile(yaml)) {
        feed(sha, yaml.getFileName().toString(), yaml);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** One file into the key: its name, length-prefixed, then the digest of its bytes. */
  private static void feed(MessageDigest sha, String name, Path file) throws IOException {
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    sha.update(HexFormat.of().toHexDigits(utf8.length).getBytes(StandardCharsets.US_ASCII));
    sha.update(utf8);
    MessageDigest content = sha256();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        content.update(buffer, 0, n);
      }
    }
    sha.update(content.digest());
  }

  private static MessageDigest sha256() {
    return Sha256.newDigest();
  }

  private static LexiconSet inMemory(Path lexiconsDir, Normalizer normalizer, LocalDate today) {
    return LexiconSet.build(lexiconsDir, normalizer, today, new ByteBuffersDirectory());
  }

  /** Builds into a temporary directory, saves, renames it into place and opens it from there. */
  private static LexiconSet buildAndSave(
      Path cacheDir,
      Path target,
      String key,
      Path lexiconsDir,
      Normalizer normalizer,
      LocalDate today) {
    Path temp;
    try {
      temp = Files.createTempDirectory(cacheDir, TEMP + key.substring(0, 16) + "-");
    } catch (IOException e) {
      LOG.warning("cannot write the lexicon index cache, building in memory: " + e);
      return inMemory(lexiconsDir, normalizer, today);
    }
    try {
      try (Directory index = new MMapDirectory(temp.resolve(INDEX))) {
        LexiconSet built = LexiconSet.build(lexiconsDir, normalizer, today, index);
        try {
          save(temp, key, built);
        } finally {
          built.reader().close();
        }
      }
      IOUtils.fsync(temp, true);
    } catch (InvalidPolicyException e) {
      deleteTree(temp);
      throw e;
    } catch (IOException | RuntimeException e) {
      LOG.warning("cannot write the lexicon index cache, building in memory: " + e);
      deleteTree(temp);
      return inMemory(lexiconsDir, normalizer, today);
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      IOUtils.fsync(cacheDir, true);
    } catch (IOException e) {
      // Most likely another instance sharing the directory renamed its own copy in first.
      LOG.log(Level.FINE, "lexicon index cache not moved into place: " + e, e);
      deleteTree(temp);
    }
    LexiconSet cached = open(target, key, normalizer, today);
    return cached != null ? cached : inMemory(lexiconsDir, normalizer, today);
  }

  /** Writes everything but the Lucene index into {@code dir}/{@value #DATA}, synced. */
  private static void save(Path dir, String key, LexiconSet set) throws IOException {
    try (Directory d = new MMapDirectory(dir)) {
      try (IndexOutput out = d.createOutput(DATA, IOContext.DEFAULT)) {
        CodecUtil.writeIndexHeader(out, CODEC, FORMAT, id(key), "");
        write(out, set);
        CodecUtil.writeFooter(out);
      }
      d.sync(List.of(DATA));
    }
  }

  private static void write(IndexOutput out, LexiconSet set) throws IOException {
    LexiconMatcher matcher = set.matcher();
    out.writeVInt(matcher.maxTokens());
    out.writeVInt(matcher.lexicons().size());
    for (LexiconMatcher.Lexicon lexicon : matcher.lexicons()) {
      out.writeString(lexicon.name());
      out.writeByte((byte) (lexicon.allowlist() ? 1 : 0));
      writeStrings(out, List.copyOf(lexicon.appliesTo()));
    }
    writeStrings(out, matcher.categories());
    out.writeVInt(set.summaries().size());
    for (DetectorSet.LexiconSummary s : set.summaries()) {
      out.writeString(s.name());
      out.writeString(s.category());
      out.writeString(s.severity());
      out.writeByte((byte) (s.allowlist() ? 1 : 0));
      out.writeVInt(s.terms());
    }
    out.writeVInt(set.exceptions().size());
    for (DetectorSet.AllowlistException x : set.exceptions()) {
      out.writeString(x.lexicon());
      out.writeString(x.term());
      out.writeVInt(x.line());
      out.writeString(x.approvedBy());
      out.writeString(x.reason());
      out.writeString(x.expires());
    }
    Entries entries = matcher.entries();
    int size = entries.size;
    out.writeVInt(size);
    writeInts(out, entries.lexicon, size);
    writeInts(out, entries.category, size);
    out.writeBytes(entries.severity, size);
    for (int i = 0; i < size; i++) {
      out.writeShort(entries.termVia[i]);
    }
    writeInts(out, entries.runsOffset, size + 1);
    out.writeVInt(entries.runsOffset[size]);
    out.writeBytes(entries.runs, entries.runsOffset[size]);
    out.writeVInt(entries.expiringCount);
    writeInts(out, entries.expiring, entries.expiringCount);
    writeInts(out, entries.expiresOn, entries.expiringCount);
    out.writeVInt(matcher.keyOffsets().length);
    writeInts(out, matcher.keyOffsets(), matcher.keyOffsets().length);
    out.writeVInt(matcher.keyEntries().length);
    writeInts(out, matcher.keyEntries(), matcher.keyEntries().length);
    FST<Long> fst = matcher.fst();
    out.writeByte((byte) (fst == null ? 0 : 1));
    if (fst != null) {
      fst.save(out, out);
    }
  }

  /** The set saved in {@code dir}, or null (logged) when it is incomplete or cannot be read. */
  static LexiconSet open(Path dir, String key, Normalizer normalizer, LocalDate today) {
    DirectoryReader reader = null;
    try {
      LexiconMatcher matcher;
      List<DetectorSet.LexiconSummary> summaries = new ArrayList<>();
      List<DetectorSet.AllowlistException> exceptions = new ArrayList<>();
      try (Directory d = new MMapDirectory(dir);
          IndexInput in = d.openInput(DATA, IOContext.DEFAULT)) {
        CodecUtil.checksumEntireFile(in);
        in.seek(0);
        CodecUtil.checkIndexHeader(in, CODEC, FORMAT, FORMAT, id(key), "");
        matcher = read(in, summaries, exceptions, today);
        if (in.getFilePointer() != in.length() - CodecUtil.footerLength()) {
          throw new CorruptIndexException("unexpected data after the lexicon set", in);
        }
      }
      Path index = dir.resolve(INDEX);
      if (!Files.isDirectory(index)) {
        throw new NoSuchFileException(index.toString());
      }
      reader = DirectoryReader.open(new MMapDirectory(index));
      if (reader.maxDoc() != matcher.entries().size) {
        throw new CorruptIndexException(
            reader.maxDoc() + " documents for " + matcher.entries().size + " entries",
            dir.toString());
      }
      return new LexiconSet(matcher, reader, normalizer, summaries, exceptions);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(reader);
      LOG.warning("lexicon index cache " + dir + " unreadable, rebuilding: " + e);
      return null;
    }
  }

  private static LexiconMatcher read(
      IndexInput in,
      List<DetectorSet.LexiconSummary> summaries,
      List<DetectorSet.AllowlistException> exceptions,
      LocalDate today)
      throws IOException {
    int maxTokens = in.readVInt();
    List<LexiconMatcher.Lexicon> lexicons = new ArrayList<>();
    for (int i = in.readVInt(); i > 0; i--) {
      String name = in.readString();
      boolean allowlist = in.readByte() != 0;
      Set<String> appliesTo = new LinkedHashSet<>(readStrings(in));
      lexicons.add(new LexiconMatcher.Lexicon(name, allowlist, appliesTo));
    }
    List<String> categories = readStrings(in);
    for (int i = in.readVInt(); i > 0; i--) {
      summaries.add(
          new DetectorSet.LexiconSummary(
              in.readString(),
              in.readString(),
              in.readString(),
              in.readByte() != 0,
              in.readVInt()));
    }
    for (int i = in.readVInt(); i > 0; i--) {
      String lexicon = in.readString();
      String term = in.readString();
      int line = in.readVInt();
      String approvedBy = in.readString();
      String reason = in.readString();
      String expires = in.readString();
      boolean inForce = expires.isEmpty() || !today.isAfter(LocalDate.parse(expires));
      exceptions.add(
          new DetectorSet.AllowlistException(
              lexicon, term, line, approvedBy, reason, expires, inForce));
    }
    Entries entries = new Entries();
    int size = in.readVInt();
    entries.size = size;
    entries.lexicon = readInts(in, size);
    entries.category = readInts(in, size);
    entries.severity = new byte[size];
    in.readBytes(entries.severity, 0, size);
    for (byte s : entries.severity) {
      if (s < 0 || s >= Severity.values().length) {
        throw new CorruptIndexException("severity " + s, in);
      }
    }
    entries.termVia = new short[size];
    for (int i = 0; i < size; i++) {
      entries.termVia[i] = in.readShort();
    }
    entries.runsOffset = readInts(in, size + 1);
    entries.runs = new byte[in.readVInt()];
    in.readBytes(entries.runs, 0, entries.runs.length);
    entries.expiringCount = in.readVInt();
    entries.expiring = readInts(in, entries.expiringCount);
    entries.expiresOn = readInts(in, entries.expiringCount);
    entries.inForceOn(today);
    int[] keyOffsets = readInts(in, in.readVInt());
    int[] keyEntries = readInts(in, in.readVInt());
    FST<Long> fst = null;
    if (in.readByte() != 0) {
      PositiveIntOutputs outputs = PositiveIntOutputs.getSingleton();
      fst = new FST<>(FST.readMetadata(in, outputs), in);
    }
    return new LexiconMatcher(
        fst, keyOffsets, keyEntries, entries, lexicons, categories, maxTokens);
  }

  private static void writeStrings(DataOutput out, List<String> values) throws IOException {
    out.writeVInt(values.size());
    for (String v : values) {
      out.writeString(v);
    }
  }

  private static List<String> readStrings(DataInput in) throws IOException {
    int n = in.readVInt();
    List<String> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(in.readString());
    }
    return values;
  }

  private static void writeInts(DataOutput out, int[] values, int count) throws IOException {
    for (int i = 0; i < count; i++) {
      out.writeInt(values[i]);
    }
  }

  private static int[] readInts(DataInput in, int count) throws IOException {
    int[] values = new int[count];
    in.readInts(values, 0, count);
    return values;
  }

  /** The 16-byte id in the data file's header: the start of the key. */
  private static byte[] id(String key) {
    return HexFormat.of().parseHex(key, 0, 32);
  }

  /** Marks a set as recently used, so pruning keeps it. */
  private static void touch(Path dir) {
    try {
      Files.setLastModifiedTime(dir, FileTime.from(Instant.now()));
    } catch (IOException e) {
      LOG.log(Level.FINE, "cannot touch " + dir, e);
    }
  }

  /** Moves a broken set out of the way (atomically), then deletes it. */
  private static void discard(Path cacheDir, Path dir) {
    Path trash = cacheDir.resolve(TRASH + dir.getFileName() + "-" + System.nanoTime());
    try {
      Files.move(dir, trash, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.log(Level.FINE, "cannot set aside " + dir, e);
      return;
    }
    deleteTree(trash);
  }

  /**
   * Deletes sets of other lexicon files beyond the {@value #KEEP} most recently used, trash, and
   * temporary directories old enough to have been left by a crash.
   */
  static void prune(Path cacheDir, String inUse) {
    List<Path> sets = new ArrayList<>();
    Instant staleBefore = Instant.now().minus(STALE_TEMP);
    try (Stream<Path> children = Files.list(cacheDir)) {
      for (Path child : children.toList()) {
        String name = child.getFileName().toString();
        if (name.startsWith(TRASH)) {
          deleteTree(child);
        } else if (name.startsWith(TEMP)) {
          if (Files.getLastModifiedTime(child).toInstant().isBefore(staleBefore)) {
            deleteTree(child);
          }
        } else if (!name.equals(inUse) && name.matches("[0-9a-f]{64}")) {
          sets.add(child);
        }
      }
      sets.sort(Comparator.comparing(LexiconIndexCache::modified).reversed());
      for (Path old : sets.subList(Math.min(sets.size(), KEEP - 1), sets.size())) {
        discard(cacheDir, old);
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.log(Level.FINE, "cannot prune " + cacheDir, e);
    }
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (NoSuchFileException e) {
      // already gone
    } catch (IOException | UncheckedIOException e) {
      LOG.log(Level.FINE, "cannot delete " + root, e);
    }
  }
}
