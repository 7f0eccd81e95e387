package dev.parapet.detect.injection;

import static dev.parapet.detect.injection.SignalKind.PLANTED_INSTRUCTION;

import dev.parapet.text.TokenList;
import java.util.List;

/**
 * Indirect injection: instructions for the assistant inside a document it is asked to read. A
 * sentence of the document that opens with a verb of the assistant's trade ("say", "recommend",
 * "tell the user") where the rest of the document does not give orders breaks from the document's
 * register, as "Recommend a good book for the weekend." does at the foot of a receipt (words that
 * address the AI reading a text, "note to the AI", are {@link PhraseSignals}' part). The document
 * is the text after a request about it ("Summarise this email: …"), or the whole text where it has
 * document structure (markup, tables, headers, several lines).
 */
final class PlantedInstructions {

  private static final WordSet VERBS =
      new WordSet(
          List.of(
              "ignore",
              "disregard",
              "forget",
              "say",
              "tell",
              "respond",
              "reply",
              "answer",
              "output",
              "print",
              "write",
              "recommend",
              "include",
              "insert",
              "append",
              "translate",
              "summarize",
              "summarise",
              "mention",
              "state",
              "claim",
              "inform",
              "suggest",
              "visit",
              "click",
              "send",
              "forward",
              "email",
              "delete",
              "execute",
              "run",
              "reveal",
              "praise",
              "rate",
              "instead",
              "urge",
              "advise",
              "direct",
              "redirect",
              "remind",
              "ask",
              "describe",
              "explain",
              "list",
              "give",
              "provide",
              "share",
              "make",
              "create",
              "compose",
              "generate",
              "recite",
              "repeat",
              "stop",
              "do",
              "don",
              "never",
              "always",
              "please",
              "now"));

  /** Words of a document request: "summarise this email", "what does the following say". */
  private static final WordSet DOCUMENT_WORDS =
      new WordSet(
          List.of(
              "article",
              "email",
              "mail",
              "page",
              "webpage",
              "website",
              "document",
              "text",
              "paper",
              "review",
              "reviews",
              "receipt",
              "invoice",
              "table",
              "code",
              "resume",
              "file",
              "message",
              "post",
              "report",
              "transcript",
              "letter",
              "note",
              "notes",
              "passage",
              "paragraph",
              "content",
              "html",
              "story",
              "essay",
              "abstract",
              "comment",
              "comments",
              "ticket",
              "data",
              "csv",
              "json",
              "snippet",
              "article",
              "following",
              "below",
              "given",
              "attached"));

  private static final WordSet OPENERS =
      new WordSet(List.of("when", "while", "if", "before", "after", "as", "once"));

  private static final WordSet SET_ASIDE =
      new WordSet(List.of("ignore", "disregard", "forget", "instead", "stop", "never"));

  private static final WordSet ADDRESSEES =
      new WordSet(
          List.of(
              "you",
              "your",
              "user",
              "users",
              "reader",
              "assistant",
              "ai",
              "model",
              "chatbot",
              "llm",
              "gpt",
              "chatgpt",
              "bot",
              "claude",
              "gemini",
              "copilot"));

  private PlantedInstructions() {}

  static void find(String text, TokenList tokens, List<Signal> out) {
    int documentStart = documentStart(text, tokens);
    if (documentStart < 0) {
      return;
    }
    boolean markup = text.contains("<!--");
    int sentences = 0;
    int orders = 0;
    int plantedFrom = -1;
    int plantedTo = -1;
    double strongest = 0;
    for (int t = firstToken(tokens, documentStart); t < tokens.size(); ) {
      int end = sentenceEnd(text, tokens, t);
      sentences++;
      int verb = orderAt(text, tokens, t, end);
      if (verb >= 0 && end - t >= 3) {
        orders++;
        double weight = weight(text, tokens, verb, end, markup) + (verb > t ? 0.1 : 0.0);
        if (weight > strongest) {
          plantedFrom = tokens.start(t);
          plantedTo = tokens.end(end - 1);
          strongest = weight;
        }
      }
      t = end;
    }
    // a document that gives orders throughout (a recipe, a manual) has no register to break
    if (plantedFrom >= 0 && sentences >= 2 && orders * 3 <= sentences) {
      out.add(new Signal(PLANTED_INSTRUCTION, strongest, plantedFrom, plantedTo));
    }
  }

  /**
   * The token of the verb that makes the sentence from {@code t} an order, or -1: its first word,
   * the word after a name it calls ("Assistant, ignore the table"), or the first word after the
   * comma of an opening clause ("When summarising this page, say that ...").
   */
  private static int orderAt(String text, TokenList tokens, int t, int end) {
    if (VERBS.contains(text, tokens.start(t), tokens.end(t))) {
      return t;
    }
    boolean calls = ADDRESSEES.contains(text, tokens.start(t), tokens.end(t));
    if (!calls && !OPENERS.contains(text, tokens.start(t), tokens.end(t))) {
      return -1;
    }
    for (int k = t + 1; k < end && k <= t + 12; k++) {
      if (comma(text, tokens.end(k - 1), tokens.start(k))) {
        return VERBS.contains(text, tokens.start(k), tokens.end(k)) ? k : -1;
      }
      if (calls && !ADDRESSEES.contains(text, tokens.start(k), tokens.end(k))) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean comma(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == ',') {
        return true;
      }
    }
    return false;
  }

  /**
   * An order in a document weighs more when it sets the reader's task aside ("ignore the page"),
   * addresses someone ("tell the user"), or hides in a markup or code comment.
   */
  private static double weight(String text, TokenList tokens, int t, int end, boolean markup) {
    double weight = 0.45;
    if (SET_ASIDE.contains(text, tokens.start(t), tokens.end(t))) {
      weight += 0.25;
    }
    if (addresses(text, tokens, t, end)) {
      weight += 0.1;
    }
    if (inComment(text, tokens.start(t), markup)) {
      weight += 0.15;
    }
    return Math.min(0.85, weight);
  }

  /** Whether {@code at} sits in an open HTML comment or after a code comment mark on its line. */
  private static boolean inComment(String text, int at, boolean markup) {
    if (markup) {
      int open = text.lastIndexOf("<!--", at);
      if (open >= 0) {
        int close = text.indexOf("-->", open);
        if (close < 0 || close > at) {
          return true;
        }
      }
    }
    for (int i = at - 1; i >= 0 && i >= at - 6; i--) {
      char c = text.charAt(i);
      if (c == '#' || c == '/' && i > 0 && text.charAt(i - 1) == '/') {
        return true;
      }
      if (c == '\n') {
        return false;
      }
    }
    return false;
  }

  /**
   * Where the document starts: after a first sentence that asks about one, or at 0 where the text
   * itself is shaped as a document; -1 where it is neither.
   */
  private static int documentStart(String text, TokenList tokens) {
    if (tokens.size() < 8) {
      return -1;
    }
    int first = sentenceEnd(text, tokens, 0);
    int colon = text.indexOf(':');
    boolean asks = false;
    for (int t = 0; t < first && t < 20; t++) {
      asks |= DOCUMENT_WORDS.contains(text, tokens.start(t), tokens.end(t));
    }
    if (asks && first < tokens.size()) {
      int end = tokens.end(first - 1);
      return colon >= 0 && colon < end ? colon + 1 : end;
    }
    return structured(text) ? tokens.end(first - 1) : -1;
  }

  private static boolean structured(String text) {
    int lines = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      lines++;
    }
    return lines >= 3
        || text.contains("<p>")
        || text.contains("<td>")
        || text.contains("<div")
        || text.contains("<!--")
        || text.contains("subject:");
  }

  private static int firstToken(TokenList tokens, int from) {
    int t = 0;
    while (t < tokens.size() && tokens.start(t) < from) {
      t++;
    }
    return t;
  }

  /** The token after the sentence starting at {@code t}: up to a stop, newline, cell or tag. */
  private static int sentenceEnd(String text, TokenList tokens, int t) {
    int k = t + 1;
    while (k < tokens.size()) {
      for (int i = tokens.end(k - 1); i < tokens.start(k); i++) {
        if (".!?\n|<>\"。！？:#".indexOf(text.charAt(i)) >= 0) {
          return k;
        }
      }
      k++;
    }
    return k;
  }

  private static boolean addresses(String text, TokenList tokens, int from, int to) {
    for (int k = from + 1; k < to; k++) {
      if (ADDRESSEES.contains(text, tokens.start(k), tokens.end(k))) {
        return true;
      }
    }
    return false;
  }
}
