package dev.parapet.check;

import dev.parapet.detect.Detector;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.Message;
import dev.parapet.model.Severity;
import dev.parapet.model.Trust;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Injection signals that no single message shows: a user turn that rephrases what the assistant has
 * just refused, and a persona set up piece by piece over several user turns. Each raises the
 * injection score of the latest user turn it concerns; neither judges a message by itself.
 */
final class MultiTurnSignals {

  static final String INJECTION = "PROMPT_INJECTION";
  static final String REPHRASE = "injection/refusal-rephrase";
  static final String SPLIT = "injection/split-across-turns";

  /** What a rephrasing adds to a turn's own injection score, or scores alone. */
  static final double REPHRASE_BOOST = 0.3;

  static final double REPHRASE_ALONE = 0.5;

  /** How many user turns, up to the latest, are read together for a split set-up. */
  static final int WINDOW = 4;

  private static final Pattern REFUSAL =
      Pattern.compile(
          "(?i)\\b(i can(?:no|['\u2019])t|i won['\u2019]t|i will not|i(?:['\u2019]m| am)"
              + " (?:sorry|unable|not able)|i must decline|unable to (?:help|assist|comply))");

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{4,}");

  private MultiTurnSignals() {}

  /** Adds the signals to the per-message findings, raising scores where a turn already had one. */
  static void apply(
      List<Finding> findings,
      Map<Finding, Piece> placed,
      Conversation conversation,
      Detection detection,
      List<Detector> detectors,
      CheckContext context,
      long deadlineNanos) {
    List<Integer> users = new ArrayList<>();
    for (Message m : conversation.messageFacts()) {
      if (m.trust() == Trust.USER) {
        users.add(m.index());
      }
    }
    if (users.isEmpty()
        || !conversation.messageFacts().get(users.get(users.size() - 1)).inScope()) {
      return;
    }
    int last = users.get(users.size() - 1);
    if (rephrasesARefusal(conversation, last)) {
      raise(findings, placed, conversation, last, REPHRASE_BOOST, REPHRASE_ALONE, REPHRASE);
    }
    splitSetUp(findings, conversation, users, detection, detectors, context, deadlineNanos);
  }

  /** The latest user turn follows a refusal and shares most of its words with the refused ask. */
  private static boolean rephrasesARefusal(Conversation conversation, int user) {
    List<Message> messages = conversation.messageFacts();
    int answer = user - 1;
    if (answer < 1 || !messages.get(answer).role().equals("assistant")) {
      return false;
    }
    int asked = answer - 1;
    if (messages.get(asked).trust() != Trust.USER) {
      return false;
    }
    if (!REFUSAL.matcher(conversation.messageTexts().get(answer)).find()) {
      return false;
    }
    Set<String> now = words(conversation.messageTexts().get(user));
    Set<String> before = words(conversation.messageTexts().get(asked));
    if (now.size() < 3) {
      return false;
    }
    int shared = 0;
    for (String w : now) {
      shared += before.contains(w) ? 1 : 0;
    }
    return shared * 2 >= now.size() || shared * 2 >= before.size() && shared >= 3;
  }

  private static Set<String> words(String text) {
    Set<String> out = new HashSet<>();
    var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** Raises the turn's injection findings, or adds one over the whole turn where it had none. */
  private static void raise(
      List<Finding> findings,
      Map<Finding, Piece> placed,
      Conversation conversation,
      int message,
      double boost,
      double alone,
      String source) {
    boolean raised = false;
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      if (f.message() == message && INJECTION.equals(f.type()) && f.toolCall() < 0) {
        Finding up = rescored(f, Math.min(1.0, f.score() + boost), f.source() + "+" + source);
        findings.set(i, up);
        Piece piece = placed.remove(f);
        if (piece != null) {
          placed.put(up, piece);
        }
        raised = true;
      }
    }
    if (!raised) {
      String text = conversation.messageTexts().get(message);
      findings.add(
          new Finding(
                  "injection",
                  INJECTION,
                  0,
                  text.codePointCount(0, text.length()),
                  Severity.MEDIUM,
                  alone,
                  source)
              .located(0, message, -1, "", "", Trust.USER));
    }
  }

  /**
   * Reads the last few user turns as one text: where the injection detector scores the whole higher
   * than any turn alone, the set-up was split, and the latest turn carries the difference.
   */
  private static void splitSetUp(
      List<Finding> findings,
      Conversation conversation,
      List<Integer> users,
      Detection detection,
      List<Detector> detectors,
      CheckContext context,
      long deadlineNanos) {
    if (users.size() < 2) {
      return;
    }
    List<Detector> injection =
        detectors.stream().filter(d -> d.name().equals("injection")).toList();
    if (injection.isEmpty()) {
      return;
    }
    List<Integer> window = users.subList(Math.max(0, users.size() - WINDOW), users.size());
    StringBuilder joined = new StringBuilder();
    for (int index : window) {
      joined.append(conversation.messageTexts().get(index)).append('\n');
    }
    String text = joined.toString();
    CheckContext whole =
        new CheckContext(
            context.stage(),
            context.profile(),
            context.tenant(),
            context.context(),
            text.codePointCount(0, text.length()));
    double together = 0;
    for (Finding f : detection.run(injection, text, whole, deadlineNanos).findings()) {
      together = Math.max(together, f.score());
    }
    double alone = 0;
    for (Finding f : findings) {
      if (INJECTION.equals(f.type()) && window.contains(f.message()) && f.toolCall() < 0) {
        alone = Math.max(alone, f.score());
      }
    }
    // history out of scope was not checked this time: what it scores alone comes from it alone,
    // so an old turn that was itself an attack is not counted again as a split one
    for (int index : window) {
      if (!conversation.messageFacts().get(index).inScope()) {
        String old = conversation.messageTexts().get(index);
        CheckContext one =
            new CheckContext(
                context.stage(),
                context.profile(),
                context.tenant(),
                context.context(),
                old.codePointCount(0, old.length()));
        for (Finding f : detection.run(injection, old, one, deadlineNanos).findings()) {
          alone = Math.max(alone, f.score());
        }
      }
    }
    if (together > alone) {
      int latest = window.get(window.size() - 1);
      String last = conversation.messageTexts().get(latest);
      findings.add(
          new Finding(
                  "injection",
                  INJECTION,
                  0,
                  last.codePointCount(0, last.length()),
                  together >= 0.9
                      ? Severity.CRITICAL
                      : together >= 0.7 ? Severity.HIGH : Severity.MEDIUM,
                  together,
                  SPLIT)
              .located(0, latest, -1, "", "", Trust.USER));
    }
  }

  private static Finding rescored(Finding f, double score, String source) {
    return new Finding(
            f.detector(),
            f.type(),
            f.start(),
            f.end(),
            score >= 0.9 ? Severity.CRITICAL : score >= 0.7 ? Severity.HIGH : f.severity(),
            score,
            source,
            f.message(),
            f.toolCall(),
            f.path(),
            f.document(),
            f.trust())
        .withSignals(f.signals());
  }
}
