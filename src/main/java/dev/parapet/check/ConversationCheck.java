package dev.parapet.check;

import dev.parapet.detect.Detector;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.Message;
import dev.parapet.model.RuleError;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks a conversation piece by piece with the same detectors as a text, so a message's findings
 * are those it would have alone, and places each finding where its piece sits.
 */
final class ConversationCheck {

  /**
   * The findings of every piece, and the piece each came from (by identity: the rules hand back the
   * very findings they were given).
   */
  record Located(Detection.Result result, Map<Finding, Piece> placed) {}

  private ConversationCheck() {}

  static Located detect(
      Detection detection,
      List<Detector> detectors,
      Conversation conversation,
      CheckContext context,
      long deadlineNanos) {
    List<Finding> findings = new ArrayList<>(conversation.malformed());
    List<RuleError> errors = new ArrayList<>();
    Map<Finding, Piece> placed = new IdentityHashMap<>();
    int total = conversation.checkedCodePoints();
    int checked = 0;
    for (Piece piece : conversation.pieces()) {
      if (System.nanoTime() - deadlineNanos > 0) {
        return located(findings, errors, new Coverage(checked, total, true), placed);
      }
      CheckContext alone =
          new CheckContext(
              context.stage(),
              context.profile(),
              context.tenant(),
              context.context(),
              piece.length(),
              piece.trust());
      Detection.Result found = detection.run(detectors, piece.text(), alone, deadlineNanos);
      for (Finding f : found.findings()) {
        Finding at =
            f.located(
                piece.offset(),
                piece.message(),
                piece.toolCall(),
                piece.path(),
                piece.document(),
                piece.trust());
        findings.add(at);
        placed.put(at, piece);
      }
      for (RuleError error : found.errors()) {
        if (!errors.contains(error)) {
          errors.add(error);
        }
      }
      if (found.coverage().budgetExceeded()) {
        Coverage partial = new Coverage(checked + found.coverage().checkedEnd(), total, true);
        return located(findings, errors, partial, placed);
      }
      checked += piece.length();
    }
    MultiTurnSignals.apply(
        findings, placed, conversation, detection, detectors, context, deadlineNanos);
    return located(findings, errors, Coverage.whole(total), placed);
  }

  private static Located located(
      List<Finding> findings, List<RuleError> errors, Coverage coverage, Map<Finding, Piece> at) {
    return new Located(new Detection.Result(findings, errors, coverage), at);
  }

  /** The facts rules see beside the findings: messages and tool calls. */
  static List<Object> facts(Conversation conversation) {
    List<Object> facts = new ArrayList<>(conversation.messageFacts());
    facts.addAll(conversation.toolCalls());
    return facts;
  }

  /**
   * The outcome with, when {@code spans} is not null, the messages and documents rewritten where
   * the redacting findings sit.
   */
  static ConversationOutcome outcome(
      Conversation conversation,
      Map<Finding, Piece> placed,
      List<Finding> spans,
      Redactor redactor,
      Function<String, RedactionOperator> operators) {
    List<String> roles = conversation.messageFacts().stream().map(Message::role).toList();
    if (spans == null) {
      return new ConversationOutcome(
          conversation.checkedMessages(), conversation.checkedToolCalls(), roles, null, null, null);
    }
    Map<Piece, List<Finding>> byPiece = new LinkedHashMap<>();
    for (Finding f : spans) {
      Piece piece = placed.get(f);
      if (piece != null) {
        // back to offsets into the piece's own text
        Finding local = f.at(f.start() - piece.offset(), f.end() - piece.offset());
        byPiece.computeIfAbsent(piece, p -> new ArrayList<>()).add(local);
      }
    }
    Map<Piece, String> rewritten = new IdentityHashMap<>();
    byPiece.forEach(
        (piece, local) -> rewritten.put(piece, redactor.redact(piece.text(), local, operators)));
    var root = ConversationRedactor.apply(conversation, rewritten);
    return new ConversationOutcome(
        conversation.checkedMessages(),
        conversation.checkedToolCalls(),
        roles,
        root.get("messages"),
        root.get("documents"),
        root.get("system"));
  }
}
