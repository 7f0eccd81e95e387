package dev.parapet.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.parapet.check.ConversationException;
import dev.parapet.model.RuleError;
import dev.parapet.model.Verdict;
import dev.parapet.stream.Step;
import dev.parapet.stream.StreamSession;
import dev.parapet.stream.StreamSessions;

/**
 * One choice of a streamed chat completion: its content goes through a stream session of its own
 * (its own hold-back), its tool calls are held until the choice finishes, then checked with its
 * content as one assistant message. The choice's one audit record is the session's when it has no
 * tool calls, else the message check's. Its methods are called one at a time.
 */
final class ChoiceStream {

  /**
   * What finishing the choice gave: the tail of its text and its checked tool calls, or a block.
   */
  record Finish(boolean blocked, String release, ArrayNode toolCalls) {}

  private final int index;
  private final StreamSessions sessions;
  private final AnswerChecks answers;
  private final ToolCallAssembly calls;
  private final StringBuilder content = new StringBuilder();
  private StreamSession session;
  private volatile boolean recordedByMessage;
  private String unreadable;
  private boolean ended;
  private boolean blocked;

  private ChoiceStream(int index, StreamSessions sessions, AnswerChecks answers, int maxLength) {
    this.index = index;
    this.sessions = sessions;
    this.answers = answers;
    this.calls = new ToolCallAssembly(maxLength);
  }

  /**
   * Opens the choice's stream session.
   *
   * @throws dev.parapet.stream.TooManyStreamsException when the key has no session left
   */
  static ChoiceStream open(
      int index, StreamSessions sessions, String owner, AnswerChecks answers, int maxLength) {
    ChoiceStream choice = new ChoiceStream(index, sessions, answers, maxLength);
    choice.session =
        sessions.open(
            owner,
            (text, record, note) ->
                answers.text().judge(text, record && !choice.recordedByMessage, note));
    return choice;
  }

  int index() {
    return index;
  }

  boolean ended() {
    return ended;
  }

  boolean blocked() {
    return blocked;
  }

  /** A piece of the choice's text: what may be shown now, or null when it blocked the choice. */
  String content(String piece) {
    content.append(piece);
    Step step = session.append(piece, sessions.now());
    if (step.verdict() == Verdict.BLOCK && step.last()) {
      end(true);
      return null;
    }
    return step.release();
  }

  /** Tool-call deltas: held, never shown before the choice finishes and they are checked. */
  void toolCalls(JsonNode deltas) {
    if (unreadable != null) {
      return;
    }
    try {
      calls.add(deltas);
    } catch (IllegalStateException e) {
      unreadable = e.getMessage();
    }
  }

  /** The choice is complete: flushes its text, checks its tool calls, writes its record. */
  Finish finish() {
    boolean withCalls = !calls.isEmpty() || unreadable != null;
    // with tool calls the record is the message check's, or the refusal's below: never two
    recordedByMessage = withCalls;
    Step step;
    try {
      step = session.close(sessions.now());
    } finally {
      sessions.ended(session);
    }
    if (!withCalls) {
      end(step.verdict() == Verdict.BLOCK);
      return new Finish(blocked, step.release(), null);
    }
    if (unreadable == null) {
      try {
        AnswerChecks.Checked checked =
            answers.message(content.isEmpty() ? null : content.toString(), calls.calls(), true);
        end(checked.blocked() || step.verdict() == Verdict.BLOCK);
        return new Finish(blocked, step.release(), calls.deltas(checked.toolCalls()));
      } catch (ConversationException e) {
        unreadable = e.getMessage();
      }
    }
    // calls that cannot be read are never passed on: the choice ends filtered, and is recorded so
    answers
        .text()
        .judge(
            content.toString(), true, new RuleError("gateway", "gateway/tool-calls", unreadable));
    end(true);
    return new Finish(true, "", null);
  }

  /** Gives the session back unused and unrecorded: the request was refused before it began. */
  void discard() {
    ended = true;
    sessions.ended(session);
  }

  /** The stream broke off: the choice is recorded as far as it came, with why. */
  void abort(RuleError note) {
    if (ended) {
      return;
    }
    try {
      session.abort(note);
    } finally {
      sessions.ended(session);
      end(false);
    }
  }

  private void end(boolean block) {
    ended = true;
    blocked = block;
    if (block) {
      sessions.ended(session);
    }
  }
}
