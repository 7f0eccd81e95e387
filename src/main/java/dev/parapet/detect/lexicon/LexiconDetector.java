package dev.parapet.detect.lexicon;

import dev.parapet.detect.Detector;
import dev.parapet.detect.DetectorInput;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.text.NormalizedText;
import dev.parapet.text.Span;
import dev.parapet.text.TokenList;
import dev.parapet.text.Via;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reports every lexicon term in the normalized text, as a finding of the lexicon's category with
 * its span in the original text, except where an allowlist term in force covers it.
 */
final class LexiconDetector implements Detector {

  static final String NAME = "lexicon";

  private final LexiconMatcher matcher;
  private final int holdBackLetters;

  LexiconDetector(LexiconMatcher matcher) {
    this.matcher = matcher;
    this.holdBackLetters = matcher.holdBackLetters();
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Terms are bounded by their letters, whatever separates or stretches them. */
  @Override
  public int holdBack() {
    return 0;
  }

  @Override
  public int holdBackLetters() {
    return holdBackLetters;
  }

  @Override
  public List<Finding> detect(DetectorInput input) {
    NormalizedText text = input.text();
    TokenList tokens = text.tokens();
    List<LexiconMatcher.Match> matches = matcher.match(text.text(), tokens);
    if (matches.isEmpty()) {
      return List.of();
    }
    if (matcher.scoped()) {
      matches = inScope(matches, input.context());
    }
    List<LexiconMatcher.Match> allowed = new ArrayList<>();
    for (LexiconMatcher.Match m : matches) {
      LexiconMatcher.Lexicon lexicon = matcher.lexicon(m.entry());
      if (lexicon.allowlist() && matcher.entries().inForce[m.entry()]) {
        allowed.add(m);
      }
    }
    List<Finding> findings = new ArrayList<>();
    Map<Finding, Integer> seen = null; // only needed if findings ever come out of order
    for (LexiconMatcher.Match m : matches) {
      LexiconMatcher.Lexicon lexicon = matcher.lexicon(m.entry());
      String category = matcher.category(m.entry());
      if (lexicon.allowlist() || suppressed(m, category, allowed)) {
        continue;
      }
      Span span = text.toOriginal(m.start(), m.end());
      // what it took to read the term here, less what its own spelling needs anyway
      int via = text.via(m.start(), m.end()) & ~matcher.entries().termVia(m.entry()) | m.runsVia();
      Finding finding =
          new Finding(
              NAME,
              category,
              span.start(),
              span.end(),
              matcher.entries().severity(m.entry()),
              1.0,
              lexicon.source(),
              Via.names(via));
      int last = findings.size() - 1;
      if (seen == null && last >= 0 && finding.start() < findings.get(last).start()) {
        seen = new HashMap<>();
        for (int k = 0; k < findings.size(); k++) {
          seen.put(withoutVia(findings.get(k)), k);
        }
      }
      int at =
          seen != null ? seen.getOrDefault(withoutVia(finding), -1) : repeats(findings, finding);
      if (at < 0) {
        if (seen != null) {
          seen.put(withoutVia(finding), findings.size());
        }
        findings.add(finding);
      } else if (finding.via().size() < findings.get(at).via().size()) {
        // one occurrence matched by several spellings of a term: the plainest reading says it
        findings.set(at, finding);
      }
    }
    return findings.size() < 2 ? findings : withoutNested(findings);
  }

  /**
   * Leaves out a term found inside a longer term of the same lexicon that is at least as severe
   * ("妈的" inside "他妈的"): the longer finding already says all the shorter one would, and a text
   * would otherwise count one word several times.
   */
  static List<Finding> withoutNested(List<Finding> findings) {
    Integer[] order = new Integer[findings.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        Comparator.<Integer>comparingInt(i -> findings.get(i).start())
            .thenComparing(i -> -findings.get(i).end()));
    boolean[] nested = new boolean[order.length];
    int severities = Severity.values().length;
    // per lexicon and category: the furthest end reached by a finding of each severity so far
    Map<String, int[]> reach = new HashMap<>();
    boolean any = false;
    for (int i : order) {
      Finding f = findings.get(i);
      int[] ends =
          reach.computeIfAbsent(f.source() + '\u0000' + f.type(), k -> new int[severities]);
      for (int s = f.severity().ordinal(); s < severities; s++) {
        if (ends[s] >= f.end()) {
          nested[i] = true;
          any = true;
          break;
        }
      }
      int s = f.severity().ordinal();
      ends[s] = Math.max(ends[s], f.end());
    }
    if (!any) {
      return findings;
    }
    List<Finding> kept = new ArrayList<>(findings.size());
    for (int i = 0; i < nested.length; i++) {
      if (!nested[i]) {
        kept.add(findings.get(i));
      }
    }
    return kept;
  }

  /**
   * The matches of lexicons searched for this request: every unscoped one, and a scoped one only
   * for its own tenant or app, so a tenant's private terms never show in another's answers.
   */
  private List<LexiconMatcher.Match> inScope(
      List<LexiconMatcher.Match> matches, CheckContext context) {
    String tenant = context == null || context.tenant() == null ? "" : context.tenant();
    String app = context == null ? "" : context.value("app");
    List<LexiconMatcher.Match> kept = new ArrayList<>(matches.size());
    for (LexiconMatcher.Match m : matches) {
      String scope = matcher.lexicon(m.entry()).scope();
      if (scope.isEmpty()
          || (!tenant.isEmpty() && scope.equals("tenant/" + tenant))
          || (!app.isEmpty() && scope.equals("app/" + app))) {
        kept.add(m);
      }
    }
    return kept;
  }

  private static Finding withoutVia(Finding f) {
    return f.via().isEmpty() ? f : f.withVia(List.of());
  }

  /**
   * Where a finding equal but for its {@code via} is already listed, or -1. Matches come in order
   * of start, so an equal one can only be among the last findings, those starting where this one
   * does: a look at those replaces hashing every finding of a dense text into a set.
   */
  private static int repeats(List<Finding> findings, Finding finding) {
    for (int k = findings.size() - 1; k >= 0; k--) {
      Finding other = findings.get(k);
      if (other.start() != finding.start()) {
        return -1;
      }
      if (other.end() == finding.end()
          && other.type().equals(finding.type())
          && other.severity() == finding.severity()
          && other.source().equals(finding.source())) {
        return k;
      }
    }
    return -1;
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
