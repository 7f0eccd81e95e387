package dev.parapet.detect.lexicon;

import dev.parapet.detect.LexiconSearch;
import dev.parapet.text.Normalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.IntsRefBuilder;

/** Searches the lexicon index by exact, prefix and fuzzy match on the terms' match keys. */
final class LuceneLexiconSearch implements LexiconSearch {

  private final IndexSearcher searcher;
  private final Set<String> names;
  private final Normalizer normalizer;

  LuceneLexiconSearch(
      DirectoryReader reader, List<LexiconMatcher.Lexicon> lexicons, Normalizer normalizer) {
    this.searcher = new IndexSearcher(reader);
    Set<String> all = new LinkedHashSet<>();
    lexicons.forEach(l -> all.add(l.name()));
    this.names = Set.copyOf(all);
    this.normalizer = normalizer;
  }

  @Override
  public Set<String> names() {
    return names;
  }

  @Override
  public List<TermHit> search(String lexicon, String query, int limit) {
    if (!names.contains(lexicon)) {
      throw new NoSuchElementException(lexicon);
    }
    IntsRefBuilder key = new IntsRefBuilder();
    if (!MatchKeys.of(normalizer.normalize(query).text(), key, new MatchKeys.RunList())) {
      return List.of();
    }
    String text = MatchKeys.text(key);
    Term term = new Term(LexiconSet.KEY, text);
    BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
    anyOf.add(new BoostQuery(new TermQuery(term), 4f), BooleanClause.Occur.SHOULD);
    anyOf.add(new BoostQuery(new PrefixQuery(term), 2f), BooleanClause.Occur.SHOULD);
    if (text.length() >= 3) {
      anyOf.add(new FuzzyQuery(term, text.length() > 5 ? 2 : 1), BooleanClause.Occur.SHOULD);
    }
    BooleanQuery query1 =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(LexiconSet.LEXICON, lexicon)), BooleanClause.Occur.FILTER)
            .add(anyOf.build(), BooleanClause.Occur.MUST)
            .build();
    try {
      List<TermHit> hits = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(query1, Math.max(1, limit)).scoreDocs) {
        Document doc = searcher.storedFields().document(hit.doc);
        hits.add(
            new TermHit(
                lexicon,
                doc.get(LexiconSet.TERM),
                lexicon + ".txt",
                doc.getField(LexiconSet.LINE).numericValue().intValue(),
                doc.get("category"),
                doc.get("severity"),
                hit.score));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
