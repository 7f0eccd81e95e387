package dev.parapet.detect.lexicon;

import dev.parapet.detect.Detector;
import dev.parapet.detect.DetectorInput;
import dev.parapet.model.Finding;
import dev.parapet.text.NormalizedText;
import dev.parapet.text.Span;
import dev.parapet.text.TokenList;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reports every lexicon term in the normalized text, as a finding of the lexicon's category with
 * its span in the original text, except where an allowlist term in force covers it.
 */
final class LexiconDetector implements Detector {

  static final String NAME = "lexicon";

  private final LexiconMatcher matcher;

  LexiconDetector(LexiconMatcher matcher) {
    this.matcher = matcher;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> detect(DetectorInput input) {
    NormalizedText text = input.text();
    TokenList tokens = text.tokens();
    List<LexiconMatcher.Match> matches = matcher.match(text.text(), tokens);
    if (matches.isEmpty()) {
      return List.of();
    }
    List<LexiconMatcher.Match> allowed = new ArrayList<>();
    for (LexiconMatcher.Match m : matches) {
      LexiconMatcher.Lexicon lexicon = matcher.lexicon(m.entry());
      if (lexicon.allowlist() && matcher.entries().inForce[m.entry()]) {
        allowed.add(m);
      }
    }
    Set<Finding> findings = new LinkedHashSet<>();
    for (LexiconMatcher.Match m : matches) {
      LexiconMatcher.Lexicon lexicon = matcher.lexicon(m.entry());
      String category = matcher.category(m.entry());
      if (lexicon.allowlist() || suppressed(m, category, allowed)) {
        continue;
      }
      Span span = text.toOriginal(m.start(), m.end());
      findings.add(
          new Finding(
              NAME,
              category,
              span.start(),
              span.end(),
              matcher.entries().severity(m.entry()),
              1.0,
              lexicon.source()));
    }
    return new ArrayList<>(findings);
  }

  private boolean suppressed(
      LexiconMatcher.Match match, String category, List<LexiconMatcher.Match> allowed) {
    for (LexiconMatcher.Match allow : allowed) {
      Set<String> appliesTo = matcher.lexicon(allow.entry()).appliesTo();
      if (allow.start() <= match.start()
          && match.end() <= allow.end()
          && (appliesTo.isEmpty() || appliesTo.contains(category))) {
        return true;
      }
    }
    return false;
  }
}
