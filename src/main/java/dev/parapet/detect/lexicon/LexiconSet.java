package dev.parapet.detect.lexicon;

import dev.parapet.detect.Detector;
import dev.parapet.detect.DetectorSet;
import dev.parapet.detect.LexiconSearch;
import dev.parapet.model.InvalidPolicyException;
import dev.parapet.model.PolicyFiles;
import dev.parapet.model.SourceProblem;
import dev.parapet.text.NormalizedText;
import dev.parapet.text.Normalizer;
import dev.parapet.text.Tokenizer;
import dev.parapet.text.Via;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.util.IntsRefBuilder;

/**
 * Every lexicon of a policy version: loaded into a Lucene index (one document per term), from whose
 * terms dictionary an FST is built for matching, so matching cost does not grow with the number of
 * terms. Given a cache directory, the index, the FST and the entries are saved once built and
 * opened from there while the lexicon files stay the same ({@link LexiconIndexCache}).
 */
public final class LexiconSet {

  static final String LEXICON = "lexicon";
  static final String KEY = "key";
  static final String TERM = "term";
  static final String LINE = "line";
  static final String ENTRY = "entry";

  private static final Cleaner CLEANER = Cleaner.create();
  private static final List<String> SCOPE_FAMILIES = List.of("tenant", "app");

  private final LexiconMatcher matcher;
  private final DirectoryReader reader;
  private final LexiconDetector detector;
  private final List<DetectorSet.LexiconSummary> summaries;
  private final LexiconSearch search;
  private final List<DetectorSet.AllowlistException> exceptions;

  LexiconSet(
      LexiconMatcher matcher,
      DirectoryReader reader,
      Normalizer normalizer,
      List<DetectorSet.LexiconSummary> summaries,
      List<DetectorSet.AllowlistException> exceptions) {
    this.matcher = matcher;
    this.reader = reader;
    this.detector = new LexiconDetector(matcher);
    this.summaries = List.copyOf(summaries);
    this.search = new LuceneLexiconSearch(reader, matcher.lexicons(), normalizer);
    this.exceptions = List.copyOf(exceptions);
    // A policy version is dropped, never closed: once nothing can search, release the index.
    CLEANER.register(search, () -> IOUtils.closeWhileHandlingException(reader));
  }

  public Detector detector() {
    return detector;
  }

  public List<DetectorSet.LexiconSummary> summaries() {
    return summaries;
  }

  public LexiconSearch search() {
    return search;
  }

  public List<DetectorSet.AllowlistException> exceptions() {
    return exceptions;
  }

  LexiconMatcher matcher() {
    return matcher;
  }

  DirectoryReader reader() {
    return reader;
  }

  /**
   * Builds every lexicon of {@code dir} in memory.
   *
   * @throws InvalidPolicyException naming each file and line that could not be loaded
   */
  public static LexiconSet load(Path dir, Normalizer normalizer, Clock clock) {
    return load(dir, normalizer, clock, null);
  }

  /**
   * Every lexicon of {@code dir}: opened from a prebuilt index under {@code cacheDir} when one was
   * built from the same files, else built and saved there for next time. A cache that cannot be
   * read or written is only logged; the lexicons are then built in memory.
   *
   * @param cacheDir where prebuilt indexes are kept, or null to build in memory every time
   * @throws InvalidPolicyException naming each file and line that could not be loaded
   */
  public static LexiconSet load(Path dir, Normalizer normalizer, Clock clock, Path cacheDir) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (cacheDir == null) {
      return build(dir, normalizer, today, new ByteBuffersDirectory());
    }
    return LexiconIndexCache.load(cacheDir, dir, normalizer, today);
  }

  /** Builds every lexicon of {@code dir}, writing its index into {@code index}. */
  static LexiconSet build(Path dir, Normalizer normalizer, LocalDate today, Directory index) {
    List<SourceProblem> problems = new ArrayList<>();
    List<Path> files = termFiles(dir);
    Entries entries = new Entries();
    List<LexiconMatcher.Lexicon> lexicons = new ArrayList<>();
    List<DetectorSet.LexiconSummary> summaries = new ArrayList<>();
    List<DetectorSet.AllowlistException> exceptions = new ArrayList<>();
    Map<String, Integer> categories = new HashMap<>();
    List<String> categoryNames = new ArrayList<>();
    int maxTokens = 1;
    try (IndexWriter writer =
        new IndexWriter(index, new IndexWriterConfig().setRAMBufferSizeMB(64))) {
      IntsRefBuilder key = new IntsRefBuilder();
      MatchKeys.RunList runs = new MatchKeys.RunList();
      for (Path txt : files) {
        String name = dir.relativize(txt).toString().replace('\\', '/').replaceFirst("\\.txt$", "");
        String own = txt.getFileName().toString().replaceFirst("\\.txt$", "");
        LexiconFile.Header header =
            LexiconFile.header(txt.resolveSibling(own + ".yaml"), name, scopeOf(name), problems);
        if (header == null) {
          continue;
        }
        int lexiconId = lexicons.size();
        lexicons.add(
            new LexiconMatcher.Lexicon(
                name, header.allowlist(), header.appliesTo(), header.scope()));
        int count = 0;
        for (LexiconFile.Term term : LexiconFile.terms(txt, header, problems)) {
          NormalizedText view = normalizer.normalize(term.text());
          String normalized = view.text();
          if (!MatchKeys.of(normalized, key, runs)) {
            problems.add(
                new SourceProblem(name + ".txt", term.line(), "the term has no letters or digits"));
            continue;
          }
          maxTokens = Math.max(maxTokens, Tokenizer.tokenize(normalized).size());
          boolean inForce =
              term.expires().isEmpty() || !today.isAfter(LocalDate.parse(term.expires()));
          int categoryId =
              categories.computeIfAbsent(
                  term.category(),
                  c -> {
                    categoryNames.add(c);
                    return categoryNames.size() - 1;
                  });
          int entry =
              entries.add(
                  lexiconId,
                  categoryId,
                  term.severity(),
                  inForce,
                  runs.values,
                  runs.size,
                  view.via(0, normalized.length()) | ownDoubling(normalized));
          if (!term.expires().isEmpty()) {
            entries.expires(entry, LocalDate.parse(term.expires()));
          }
          writer.addDocument(document(name, term, MatchKeys.text(key), entry));
          count++;
          if (header.allowlist() && (!term.approvedBy().isEmpty() || !term.expires().isEmpty())) {
            exceptions.add(
                new DetectorSet.AllowlistException(
                    name,
                    term.text(),
                    term.line(),
                    term.approvedBy(),
                    term.reason(),
                    term.expires(),
                    inForce));
          }
        }
        summaries.add(
            new DetectorSet.LexiconSummary(
                name,
                header.category(),
                header.severity().wireName(),
                header.allowlist(),
                count,
                header.scope()));
      }
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!problems.isEmpty()) {
      throw new InvalidPolicyException(problems);
    }
    try {
      DirectoryReader reader = DirectoryReader.open(index);
      LexiconMatcher matcher =
          LexiconMatcher.build(reader, entries, lexicons, categoryNames, maxTokens);
      return new LexiconSet(matcher, reader, normalizer, summaries, exceptions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Document document(String lexicon, LexiconFile.Term term, String key, int entry) {
    Document doc = new Document();
    doc.add(new StringField(LEXICON, lexicon, Field.Store.YES));
    doc.add(new StringField(KEY, key, Field.Store.NO));
    doc.add(new StoredField(TERM, term.text()));
    doc.add(new StoredField(LINE, term.line()));
    doc.add(new StoredField("category", term.category()));
    doc.add(new StoredField("severity", term.severity().wireName()));
    doc.add(new NumericDocValuesField(ENTRY, entry));
    return doc;
  }

  /**
   * The term files of {@code dir}: its own, searched for every request, then those of {@code
   * tenant/<id>/} and {@code app/<id>/}, searched only for that tenant or app.
   */
  static List<Path> termFiles(Path dir) {
    List<Path> files = new ArrayList<>(PolicyFiles.in(dir, ".txt"));
    for (String family : SCOPE_FAMILIES) {
      for (Path scoped : PolicyFiles.under(dir.resolve(family), ".txt")) {
        if (dir.resolve(family).relativize(scoped).getNameCount() == 2) {
          files.add(scoped);
        }
      }
    }
    return files;
  }

  /** The scope a lexicon's directory gives it: {@code tenant/<id>}, {@code app/<id>} or empty. */
  static String scopeOf(String name) {
    String[] parts = name.split("/");
    return parts.length == 3 && SCOPE_FAMILIES.contains(parts[0]) ? parts[0] + "/" + parts[1] : "";
  }

  /**
   * {@link Via#DOUBLING} when the term doubles a letter of its own ("asses"): such a term is not
   * read into a word that doubles one more letter ("assess").
   */
  private static int ownDoubling(String term) {
    for (int i = 1; i < term.length(); i++) {
      if (Character.isLetter(term.charAt(i)) && term.charAt(i) == term.charAt(i - 1)) {
        return Via.DOUBLING;
      }
    }
    return 0;
  }
}
