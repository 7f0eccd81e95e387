package dev.parapet.detect.lexicon;

import dev.parapet.text.StretchedLetters;
import dev.parapet.text.TokenList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IntsRefBuilder;
import org.apache.lucene.util.fst.FST;
import org.apache.lucene.util.fst.FSTCompiler;
import org.apache.lucene.util.fst.PositiveIntOutputs;

/**
 * Finds lexicon terms in a tokenized text by walking an FST of match keys from each token: the work
 * per token is bounded by the longest term, whatever the number of terms.
 */
final class LexiconMatcher {

  /**
   * A lexicon's identity as matches report it.
   *
   * @param scope {@code tenant/<id>} or {@code app/<id>} for a lexicon searched only for that
   *     tenant or app, empty for one searched for every request
   * @param source what findings from this lexicon name as their source: {@code lexicon/<name>}
   */
  record Lexicon(
      String name, boolean allowlist, Set<String> appliesTo, String scope, String source) {
    Lexicon(String name, boolean allowlist, Set<String> appliesTo, String scope) {
      this(name, allowlist, appliesTo, scope, LexiconDetector.NAME + "/" + name);
    }

    Lexicon(String name, boolean allowlist, Set<String> appliesTo) {
      this(name, allowlist, appliesTo, "");
    }
  }

  /**
   * A term found: which entry, the normalized char range it covers, and the {@link
   * dev.parapet.text.Via} bits of how its letters' runs matched (stretched, doubled).
   */
  record Match(int entry, int start, int end, int runsVia) {}

  private final FST<Long> fst;
  private final int[] keyOffsets;
  private final int[] keyEntries;
  private final Entries entries;
  private final List<Lexicon> lexicons;
  private final List<String> categories;
  private final int maxTokens;
  private final boolean scoped;
  private final FirstArcs firstArcs; // null when there are no terms

  /** A matcher from its parts: built here, or read back by the prebuilt-index cache. */
  LexiconMatcher(
      FST<Long> fst,
      int[] keyOffsets,
      int[] keyEntries,
      Entries entries,
      List<Lexicon> lexicons,
      List<String> categories,
      int maxTokens) {
    this.fst = fst;
    this.keyOffsets = keyOffsets;
    this.keyEntries = keyEntries;
    this.entries = entries;
    this.lexicons = List.copyOf(lexicons);
    this.categories = List.copyOf(categories);
    this.maxTokens = maxTokens;
    this.scoped = lexicons.stream().anyMatch(l -> !l.scope().isEmpty());
    try {
      this.firstArcs = fst == null ? null : FirstArcs.of(fst);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether any lexicon is scoped to a tenant or an app. */
  boolean scoped() {
    return scoped;
  }

  /** Builds the FST from the key field of the Lucene terms dictionary. */
  static LexiconMatcher build(
      DirectoryReader reader,
      Entries entries,
      List<Lexicon> lexicons,
      List<String> categories,
      int maxTokens)
      throws IOException {
    int[] docToEntry = docToEntry(reader);
    FSTCompiler<Long> compiler =
        new FSTCompiler.Builder<>(FST.INPUT_TYPE.BYTE4, PositiveIntOutputs.getSingleton()).build();
    int[] offsets = new int[1024];
    int[] flat = new int[Math.max(16, entries.size)];
    int keys = 0;
    int used = 0;
    Terms terms = MultiTerms.getTerms(reader, LexiconSet.KEY);
    if (terms != null) {
      TermsEnum it = terms.iterator();
      IntsRefBuilder input = new IntsRefBuilder();
      PostingsEnum postings = null;
      for (BytesRef term = it.next(); term != null; term = it.next()) {
        String key = term.utf8ToString();
        input.clear();
        key.codePoints().forEach(input::append);
        if (keys + 1 >= offsets.length) {
          offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        offsets[keys] = used;
        postings = it.postings(postings, PostingsEnum.NONE);
        for (int doc = postings.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = postings.nextDoc()) {
          if (used == flat.length) {
            flat = Arrays.copyOf(flat, used * 2);
          }
          flat[used++] = docToEntry[doc];
        }
        compiler.add(input.get(), (long) keys);
        keys++;
      }
    }
    offsets[keys] = used;
    FST<Long> fst = FST.fromFSTReader(compiler.compile(), compiler.getFSTReader());
    return new LexiconMatcher(
        fst,
        Arrays.copyOf(offsets, keys + 1),
        Arrays.copyOf(flat, used),
        entries,
        lexicons,
        categories,
        maxTokens);
  }

  /** Single-segment or not, a term's documents are global ids; map each to its entry. */
  private static int[] docToEntry(DirectoryReader reader) throws IOException {
    int[] map = new int[reader.maxDoc()];
    for (LeafReaderContext leaf : reader.leaves()) {
      NumericDocValues values = leaf.reader().getNumericDocValues(LexiconSet.ENTRY);
      if (values == null) {
        continue;
      }
      for (int doc = values.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = values.nextDoc()) {
        map[leaf.docBase + doc] = (int) values.longValue();
      }
    }
    return map;
  }

  Entries entries() {
    return entries;
  }

  /** The FST of match keys, each key's number as output; null when there are no terms. */
  FST<Long> fst() {
    return fst;
  }

  /** Key {@code k}'s entries are {@code keyEntries[keyOffsets[k] .. keyOffsets[k + 1])}. */
  int[] keyOffsets() {
    return keyOffsets;
  }

  int[] keyEntries() {
    return keyEntries;
  }

  List<Lexicon> lexicons() {
    return lexicons;
  }

  List<String> categories() {
    return categories;
  }

  /** The most letter runs a term has, and one more for a letter that could still extend it. */
  int holdBackLetters() {
    return entries.maxRuns() + 1;
  }

  int maxTokens() {
    return maxTokens;
  }

  Lexicon lexicon(int entry) {
    return lexicons.get(entries.lexicon[entry]);
  }

  String category(int entry) {
    return categories.get(entries.category[entry]);
  }

  /** Every term occurrence in the text, in order of start. */
  List<Match> match(String text, TokenList tokens) {
    List<Match> found = new ArrayList<>();
    if (fst == null || tokens.size() == 0) {
      return found;
    }
    Walk walk = new Walk(text, tokens, found);
    try {
      for (int t = 0; t < tokens.size(); t++) {
        walk.from(t);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /** The state of matching one text; not shared between threads. */
  private final class Walk {
    private final String text;
    private final TokenList tokens;
    private final List<Match> found;
    private final FST.BytesReader reader = fst.getBytesReader();
    private final FST.Arc<Long> root = new FST.Arc<>();
    private int[] runs = new int[64];

    Walk(String text, TokenList tokens, List<Match> found) {
      this.text = text;
      this.tokens = tokens;
      this.found = found;
    }

    void from(int first) throws IOException {
      // one arc per walk, reset for each token: an arc per token was a sixth of a check's garbage
      step(first, first, fst.getFirstArc(root), 0L, 0, -1, 0, 0L);
    }

    /**
     * Moves {@code arc} on by {@code label}, which follows the walk's {@code depth} labels so far
     * ({@code prefix}); answers the output there, or -1 when no term goes on so. The first levels
     * come from {@link FirstArcs}, the rest from the FST.
     */
    private long next(int label, FST.Arc<Long> arc, long output, int depth, long prefix)
        throws IOException {
      long known = firstArcs.follow(depth, prefix, label, arc);
      if (known != FirstArcs.UNKNOWN) {
        return known;
      }
      if (fst.findTargetArc(label, arc, arc, reader) == null) {
        return FirstArcs.NONE;
      }
      return output + arc.output();
    }

    /**
     * Feeds token {@code t} and reports every term that ends with it, then goes on to the next
     * token. {@code glued} is the previous token's last key letter when {@code t} continues the
     * same word across a soft boundary, else -1. {@code depth} counts the labels taken from the
     * root, {@code prefix} packs the first of them for {@link FirstArcs}.
     */
    private void step(
        int first,
        int t,
        FST.Arc<Long> arc,
        long output,
        int runCount,
        int glued,
        int depth,
        long prefix)
        throws IOException {
      if (t > first && glued < 0 && !(tokens.isCjk(t - 1) && tokens.isCjk(t))) {
        output = next(MatchKeys.SEPARATOR, arc, output, depth++, prefix);
        if (output < 0) {
          return;
        }
        prefix = FirstArcs.key(prefix, MatchKeys.SEPARATOR);
      }
      int last = glued;
      int end = tokens.end(t);
      for (int i = tokens.start(t); i < end; ) {
        int cp = StretchedLetters.keyOf(text.codePointAt(i));
        i += Character.charCount(cp);
        if (cp == last) {
          runs[runCount - 1]++;
          continue;
        }
        output = next(cp, arc, output, depth++, prefix);
        if (output < 0) {
          return;
        }
        prefix = FirstArcs.key(prefix, cp);
        if (runCount == runs.length) {
          runs = Arrays.copyOf(runs, runCount * 2);
        }
        runs[runCount++] = 1;
        last = cp;
      }
      boolean joinNext = t + 1 < tokens.size() && tokens.isSoftJoined(t + 1) && !tokens.isCjk(t);
      if (arc.isFinal()) {
        report(first, t, (int) (output + arc.nextFinalOutput()), runCount);
      }
      if (t + 1 >= tokens.size() || t + 1 - first >= maxTokens) {
        return;
      }
      if (joinNext) {
        step(
            first, t + 1, new FST.Arc<Long>().copyFrom(arc), output, runCount, last, depth, prefix);
      }
      step(first, t + 1, arc, output, runCount, -1, depth, prefix);
    }

    private void report(int first, int last, int key, int runCount) {
      for (int k = keyOffsets[key]; k < keyOffsets[key + 1]; k++) {
        int entry = keyEntries[k];
        int how = entries.runsMatch(entry, runs, runCount);
        if (how >= 0) {
          found.add(new Match(entry, tokens.start(first), tokens.end(last), how));
        }
      }
    }
  }
}
