package dev.parapet.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.model.Finding;
import dev.parapet.model.SourceProblem;
import dev.parapet.model.Stage;
import dev.parapet.model.StrictYaml;
import dev.parapet.model.Verdict;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs a labelled set through the pipeline and measures it: confusion matrix, precision and recall
 * per decision and per finding type, hits per rule, and the misses themselves, so the balance
 * between safety and usefulness becomes a number an officer can move.
 */
public final class Evaluation {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> DECISIONS = List.of("allow", "redact", "block");

  /** Precision and recall of one class. */
  public record Score(
      long truePositives,
      long falsePositives,
      long falseNegatives,
      double precision,
      double recall) {
    static Score of(long tp, long fp, long fn) {
      return new Score(
          tp,
          fp,
          fn,
          tp + fp == 0 ? 1.0 : (double) tp / (tp + fp),
          tp + fn == 0 ? 1.0 : (double) tp / (tp + fn));
    }
  }

  /** A case the policy got wrong. */
  public record Miss(
      int line,
      String text,
      String expected,
      String actual,
      List<String> rules,
      List<String> types) {}

  /** The whole report. */
  public record Report(
      int cases,
      double accuracy,
      Map<String, Map<String, Long>> confusion,
      Map<String, Score> byDecision,
      Map<String, Score> byType,
      Map<String, Long> ruleHits,
      List<Miss> falsePositives,
      List<Miss> falseNegatives,
      List<Miss> otherMisses) {}

  private Evaluation() {}

  /** The keys an evaluation line may hold; {@code decision} is another name for expected. */
  static final List<String> LINE_KEYS =
      List.of(
          "text",
          "stage",
          "profile",
          "tenant",
          "context",
          "expected",
          "decision",
          "expectedTypes",
          "id",
          "note");

  /**
   * Parses JSONL: {text, stage?, profile?, tenant?, context?, expected, expectedTypes?} a line;
   * unknown keys are problems, so that a misspelt {@code tennant} is not silently dropped.
   */
  public static List<LabelledCase> parse(String jsonl, List<SourceProblem> problems) {
    List<LabelledCase> cases = new ArrayList<>();
    String[] lines = jsonl.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        problems.add(new SourceProblem("evaluation", i + 1, "not a JSON object"));
        continue;
      }
      if (!node.isObject()) {
        problems.add(new SourceProblem("evaluation", i + 1, "not a JSON object"));
        continue;
      }
      boolean unknown = false;
      for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        if (!LINE_KEYS.contains(key)) {
          problems.add(
              new SourceProblem("evaluation", i + 1, StrictYaml.unknownKey(key, LINE_KEYS)));
          unknown = true;
        }
      }
      if (unknown) {
        continue;
      }
      String expected = node.path("expected").asText(node.path("decision").asText(""));
      if (!node.path("text").isTextual() || !DECISIONS.contains(expected)) {
        problems.add(
            new SourceProblem(
                "evaluation", i + 1, "needs 'text' and 'expected' (allow, redact or block)"));
        continue;
      }
      String stage = node.path("stage").asText("input");
      if (Stage.fromWire(stage) == null) {
        problems.add(new SourceProblem("evaluation", i + 1, "stage must be input or output"));
        continue;
      }
      Map<String, String> context = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.path("context").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        context.put(e.getKey(), e.getValue().asText());
      }
      List<String> types = null;
      if (node.has("expectedTypes")) {
        types = new ArrayList<>();
        for (JsonNode t : node.get("expectedTypes")) {
          types.add(t.asText());
        }
      }
      cases.add(
          new LabelledCase(
              i + 1,
              node.get("text").asText(),
              stage,
              node.path("profile").isTextual() ? node.get("profile").asText() : null,
              node.path("tenant").asText(""),
              context,
              expected,
              types));
    }
    return cases;
  }

  public static Report run(CheckService service, List<LabelledCase> cases) {
    Map<String, Map<String, Long>> confusion = new LinkedHashMap<>();
    for (String e : DECISIONS) {
      Map<String, Long> row = new LinkedHashMap<>();
      DECISIONS.forEach(a -> row.put(a, 0L));
      confusion.put(e, row);
    }
    Map<String, long[]> typeCounts = new TreeMap<>();
    Map<String, Long> ruleHits = new TreeMap<>();
    List<Miss> falsePositives = new ArrayList<>();
    List<Miss> falseNegatives = new ArrayList<>();
    List<Miss> other = new ArrayList<>();
    long correct = 0;
    for (LabelledCase c : cases) {
      Decision d =
          service.evaluate(
              new CheckRequest(
                  c.text(),
                  Stage.fromWire(c.stage()),
                  c.profile(),
                  c.tenant(),
                  null,
                  c.context(),
                  false));
      String actual = d.verdict().wireName();
      confusion.get(c.expected()).merge(actual, 1L, Long::sum);
      List<String> rules = d.rules().stream().map(RuleHit::id).toList();
      rules.forEach(r -> ruleHits.merge(r, 1L, Long::sum));
      Set<String> found = new LinkedHashSet<>(d.findings().stream().map(Finding::type).toList());
      if (actual.equals(c.expected())) {
        correct++;
      } else {
        Miss miss = new Miss(c.line(), c.text(), c.expected(), actual, rules, List.copyOf(found));
        if (c.expected().equals(Verdict.ALLOW.wireName())) {
          falsePositives.add(miss);
        } else if (actual.equals(Verdict.ALLOW.wireName())) {
          falseNegatives.add(miss);
        } else {
          other.add(miss);
        }
      }
      if (c.expectedTypes() != null) {
        Set<String> expectedTypes = new LinkedHashSet<>(c.expectedTypes());
        Set<String> all = new LinkedHashSet<>(expectedTypes);
        all.addAll(found);
        for (String type : all) {
          long[] counts = typeCounts.computeIfAbsent(type, t -> new long[3]);
          boolean want = expectedTypes.contains(type);
          boolean got = found.contains(type);
          counts[want && got ? 0 : got ? 1 : 2]++;
        }
      }
    }
    Map<String, Score> byDecision = new LinkedHashMap<>();
    for (String d : DECISIONS) {
      long tp = confusion.get(d).get(d);
      long fp =
          DECISIONS.stream()
              .filter(e -> !e.equals(d))
              .mapToLong(e -> confusion.get(e).get(d))
              .sum();
      long fn =
          DECISIONS.stream()
              .filter(a -> !a.equals(d))
              .mapToLong(a -> confusion.get(d).get(a))
              .sum();
      byDecision.put(d, Score.of(tp, fp, fn));
    }
    Map<String, Score> byType = new LinkedHashMap<>();
    typeCounts.forEach((type, n) -> byType.put(type, Score.of(n[0], n[1], n[2])));
    return new Report(
        cases.size(),
        cases.isEmpty() ? 1.0 : (double) correct / cases.size(),
        confusion,
        byDecision,
        byType,
        ruleHits,
        falsePositives,
        falseNegatives,
        other);
  }
}
