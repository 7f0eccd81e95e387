package dev.parapet.detect.injection;

import dev.parapet.text.TokenList;
import dev.parapet.text.Tokenizer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finds instruction-override, persona, and prompt-extraction phrases in normalized text by walking
 * tokens, tolerating filler words ("ignore ALL of the previous instructions") without a
 * backtracking regex.
 */
final class PhraseSignals {

  private static final WordSet OVERRIDE_VERBS =
      words(
          "ignore",
          "disregard",
          "forget",
          "override",
          "bypass",
          "skip",
          "discard",
          "abandon",
          "drop");
  private static final WordSet FILLER =
      words(
          "all",
          "any",
          "the",
          "of",
          "your",
          "my",
          "every",
          "previous",
          "prior",
          "above",
          "earlier",
          "preceding",
          "these",
          "those",
          "initial",
          "original",
          "system",
          "safety",
          "current",
          "existing",
          "everything",
          "before",
          "that",
          "you",
          "were",
          "given",
          "told",
          "and",
          "other",
          "old",
          "developer",
          "programmed",
          "set",
          "default",
          "this",
          "me",
          "us",
          "text",
          "words",
          "content",
          "hidden",
          "secret",
          "full",
          "verbatim",
          "exact",
          "entire");
  private static final WordSet OVERRIDE_OBJECTS =
      words(
          "instructions",
          "instruction",
          "rules",
          "rule",
          "prompts",
          "prompt",
          "directions",
          "guidelines",
          "context",
          "messages",
          "constraints",
          "restrictions",
          "directives",
          "programming",
          "policies",
          "policy",
          "guardrails",
          "orders",
          "commands",
          "filters");
  private static final WordSet REVEAL_VERBS =
      words(
          "reveal", "show", "print", "display", "output", "repeat", "tell", "give", "share", "dump",
          "leak", "write", "list");
  private static final WordSet REVEAL_OBJECTS =
      words("prompt", "instructions", "above", "preprompt", "guidelines", "rules");

  /** Fixed multi-word phrases (normalized, single spaces) and their kinds and weights. */
  private static final List<Object[]> PHRASES =
      List.of(
          new Object[] {"you are now dan", "persona", 0.85},
          new Object[] {"do anything now", "persona", 0.8},
          new Object[] {"developer mode", "persona", 0.6},
          new Object[] {"dev mode enabled", "persona", 0.7},
          new Object[] {"jailbreak", "persona", 0.5},
          new Object[] {"jailbroken", "persona", 0.6},
          new Object[] {"no restrictions", "persona", 0.45},
          new Object[] {"without any restrictions", "persona", 0.5},
          new Object[] {"without restrictions", "persona", 0.45},
          new Object[] {"no longer bound by", "persona", 0.6},
          new Object[] {"not bound by any", "persona", 0.55},
          new Object[] {"unfiltered and unrestricted", "persona", 0.6},
          new Object[] {"pretend you have no", "persona", 0.6},
          new Object[] {"act as an ai without", "persona", 0.6},
          new Object[] {"from now on you are", "persona", 0.45},
          new Object[] {"from now on you will", "persona", 0.4},
          new Object[] {"you have no rules", "persona", 0.6},
          new Object[] {"stay in character", "persona", 0.3},
          new Object[] {"system prompt", "extraction", 0.35},
          new Object[] {"initial prompt", "extraction", 0.35},
          new Object[] {"new instructions", "override", 0.4},
          new Object[] {"instead follow these", "override", 0.4},
          new Object[] {"you must obey", "override", 0.35});

  /** Chinese phrases, matched as character sequences. */
  private static final List<Object[]> CJK_PHRASES =
      List.of(
          new Object[] {"你现在是", "persona", 0.3},
          new Object[] {"没有任何限制", "persona", 0.55},
          new Object[] {"不受任何限制", "persona", 0.6},
          new Object[] {"开发者模式", "persona", 0.6},
          new Object[] {"越狱", "persona", 0.5},
          new Object[] {"系统提示词", "extraction", 0.45},
          new Object[] {"系统提示", "extraction", 0.35},
          new Object[] {"重复上面的", "extraction", 0.45},
          new Object[] {"输出你的提示", "extraction", 0.7},
          new Object[] {"显示你的提示", "extraction", 0.7});

  private static final String[] CJK_OVERRIDE_VERBS = {"忽略", "无视", "忘记", "忘掉", "不要理会", "跳过"};
  private static final String[] CJK_OVERRIDE_OBJECTS = {"指令", "指示", "规则", "设定", "提示", "要求", "限制"};

  private PhraseSignals() {}

  static void find(String text, List<Signal> out) {
    find(text, Tokenizer.tokenize(text), out);
  }

  static void find(String text, TokenList tokens, List<Signal> out) {
    for (int t = 0; t < tokens.size(); t++) {
      int from = tokens.start(t);
      int to = tokens.end(t);
      if (OVERRIDE_VERBS.contains(text, from, to)) {
        int end = objectAfter(text, tokens, t, OVERRIDE_OBJECTS, 6);
        if (end >= 0) {
          out.add(new Signal("override", 0.75, from, end));
        }
      } else if (REVEAL_VERBS.contains(text, from, to)) {
        int end = objectAfter(text, tokens, t, REVEAL_OBJECTS, 5);
        if (end >= 0 && mentionsModel(text, tokens, t, end)) {
          out.add(new Signal("extraction", 0.7, from, end));
        }
      }
    }
    for (int t = 0; t < tokens.size(); t++) {
      String firstWord = PHRASE_STARTS.find(text, tokens.start(t), tokens.end(t));
      if (firstWord != null) {
        for (Phrase phrase : BY_FIRST_WORD.get(firstWord)) {
          phrase.findAt(text, tokens, t, out);
        }
      }
    }
    for (Object[] phrase : CJK_PHRASES) {
      String p = (String) phrase[0];
      for (int at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) {
        out.add(new Signal((String) phrase[1], (Double) phrase[2], at, at + p.length()));
      }
    }
    for (String verb : CJK_OVERRIDE_VERBS) {
      for (int at = text.indexOf(verb); at >= 0; at = text.indexOf(verb, at + 1)) {
        int window = Math.min(text.length(), at + verb.length() + 12);
        for (String object : CJK_OVERRIDE_OBJECTS) {
          int o = text.indexOf(object, at + verb.length());
          if (o >= 0 && o + object.length() <= window) {
            out.add(new Signal("override", 0.75, at, o + object.length()));
            break;
          }
        }
      }
    }
  }

  /** The end of an object word reached from token {@code t} over filler words only, or -1. */
  private static int objectAfter(String text, TokenList tokens, int t, WordSet objects, int reach) {
    for (int k = t + 1; k < tokens.size() && k <= t + reach; k++) {
      if (objects.contains(text, tokens.start(k), tokens.end(k))) {
        return tokens.end(k);
      }
      if (!FILLER.contains(text, tokens.start(k), tokens.end(k))) {
        return -1;
      }
    }
    return -1;
  }

  /** "show me the prompt above" counts; "show the rules of chess" does not. */
  private static boolean mentionsModel(String text, TokenList tokens, int t, int end) {
    String span = text.substring(tokens.start(t), end);
    return span.contains("your")
        || span.contains("system")
        || span.contains("above")
        || span.contains("initial")
        || span.contains("original")
        || span.contains("preprompt");
  }

  private static WordSet words(String... members) {
    return new WordSet(List.of(members));
  }

  /** A fixed phrase, split into its words once. */
  private record Phrase(String[] words, String kind, double weight) {

    /** Reports the phrase if it starts at token {@code t}, whose word is its first. */
    void findAt(String text, TokenList tokens, int t, List<Signal> out) {
      if (t + words.length > tokens.size()) {
        return;
      }
      for (int k = 1; k < words.length; k++) {
        int from = tokens.start(t + k);
        boolean same =
            tokens.end(t + k) - from == words[k].length()
                && text.regionMatches(from, words[k], 0, words[k].length());
        if (!same) {
          return;
        }
      }
      out.add(new Signal(kind, weight, tokens.start(t), tokens.end(t + words.length - 1)));
    }
  }

  /** Phrases by their first word, so each token is looked up once. */
  private static final Map<String, List<Phrase>> BY_FIRST_WORD =
      PHRASES.stream()
          .map(p -> new Phrase(((String) p[0]).split(" "), (String) p[1], (Double) p[2]))
          .collect(Collectors.groupingBy(p -> p.words()[0]));

  private static final WordSet PHRASE_STARTS = new WordSet(BY_FIRST_WORD.keySet());
}
