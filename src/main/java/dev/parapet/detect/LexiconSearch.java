package dev.parapet.detect;

import java.util.List;
import java.util.Set;

/** Lets officers ask "is this term listed, and where?" of the loaded lexicons. */
public interface LexiconSearch {

  Set<String> names();

  /**
   * Terms of one lexicon that start with the query or are within a small edit distance of it, best
   * first.
   *
   * @throws java.util.NoSuchElementException when no lexicon has that name
   */
  List<TermHit> search(String lexicon, String query, int limit);

  /** A listed term, as written, and where. */
  record TermHit(
      String lexicon,
      String term,
      String file,
      int line,
      String category,
      String severity,
      float score) {}

  LexiconSearch NONE =
      new LexiconSearch() {
        @Override
        public Set<String> names() {
          return Set.of();
        }

        @Override
        public List<TermHit> search(String lexicon, String query, int limit) {
          throw new java.util.NoSuchElementException(lexicon);
        }
      };
}
