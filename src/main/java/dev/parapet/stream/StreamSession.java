package dev.parapet.stream;

import dev.parapet.check.Judgement;
import dev.parapet.model.RuleError;
import dev.parapet.model.Verdict;
import java.util.List;

/**
 * One answer being streamed: the text received so far, how much of it has been released, and the
 * decision on it. Each chunk re-checks the answer so far, so a term split across chunks is found as
 * if sent whole. Chunks of one session are taken one at a time.
 */
public final class StreamSession {

  /** Where a session is in its life. */
  public enum State {
    OPEN,
    BLOCKED,
    CLOSED,
    EXPIRED
  }

  private final String id;
  private final String owner;
  private final Judge judge;
  private final StringBuilder text = new StringBuilder();
  private State state = State.OPEN;
  private int released;
  private long lastUsed;
  private Step last = new Step("", Verdict.ALLOW, List.of(), 0, null);
  private long steps;
  private long heldTotal;
  private int heldMost;

  StreamSession(String id, String owner, Judge judge, long now) {
    this.id = id;
    this.owner = owner;
    this.judge = judge;
    this.lastUsed = now;
  }

  public String id() {
    return id;
  }

  String owner() {
    return owner;
  }

  public synchronized State state() {
    return state;
  }

  /** The answer's length so far, in code points. */
  public synchronized int length() {
    return text.codePointCount(0, text.length());
  }

  /** How much of the answer, in code points, has been released. */
  synchronized int released() {
    return released;
  }

  synchronized long lastUsed() {
    return lastUsed;
  }

  /**
   * Adds a chunk of the answer and releases what is now safe. After a block nothing more is
   * released, whatever comes.
   */
  public synchronized Step append(String chunk, long now) {
    lastUsed = now;
    if (state != State.OPEN) {
      return ended();
    }
    text.append(chunk);
    String all = text.toString();
    Judgement judged = judge.judge(all, false, null);
    int[] codePoints = all.codePoints().toArray();
    boolean blocked = judged.decision().verdict() == Verdict.BLOCK;
    if (blocked
        && HoldBack.settled(
            codePoints, judged.holdBack(), judged.holdBackLetters(), judged.blocking())) {
      return end(State.BLOCKED, all, null);
    }
    // a block still in the open tail ("s h i t" may go on as "s h i tthe") holds back from it
    int cut =
        HoldBack.cut(
            codePoints,
            judged.holdBack(),
            judged.holdBackLetters(),
            judged.openFrom(),
            judged.decision().findings(),
            judged.redactions(),
            released);
    if (blocked) {
      // nothing is released under a block not yet settled: its redactions are not known
      cut = released;
    }
    String release = judged.release(all, released, cut);
    released = cut;
    int held = codePoints.length - cut;
    steps++;
    heldTotal += held;
    heldMost = Math.max(heldMost, held);
    Verdict verdict = blocked ? last.verdict() : judged.decision().verdict();
    last = new Step(release, verdict, judged.decision().findings(), held, null);
    return last;
  }

  /** The answer is complete: releases the held-back tail and records the answer's decision. */
  public synchronized Step close(long now) {
    lastUsed = now;
    if (state != State.OPEN) {
      return ended();
    }
    return end(State.CLOSED, text.toString(), null);
  }

  /**
   * The answer broke off (its source failed or went away): records it as far as it came, with
   * {@code reason}, and releases nothing more.
   */
  public synchronized Step abort(RuleError reason) {
    if (state != State.OPEN) {
      return ended();
    }
    Step step = end(State.CLOSED, text.toString(), reason);
    state = State.EXPIRED;
    last = new Step("", step.verdict(), step.findings(), step.heldBack(), step.auditId());
    return last;
  }

  /** Idle too long: records the answer as far as it came and releases nothing more. */
  synchronized Step expire() {
    if (state != State.OPEN) {
      return ended();
    }
    Step step = end(State.CLOSED, text.toString(), null);
    state = State.EXPIRED;
    last = new Step("", step.verdict(), step.findings(), step.heldBack(), step.auditId());
    return last;
  }

  private Step end(State next, String all, RuleError note) {
    Judgement judged = judge.judge(all, true, note);
    Verdict verdict = judged.decision().verdict();
    int total = all.codePointCount(0, all.length());
    String release = "";
    if (verdict == Verdict.BLOCK) {
      state = State.BLOCKED;
    } else {
      state = next;
      release = judged.release(all, released, total);
      released = total;
    }
    last =
        new Step(
            release,
            verdict,
            judged.decision().findings(),
            total - released,
            judged.auditId() == null ? "" : judged.auditId());
    return last;
  }

  private Step ended() {
    return new Step("", last.verdict(), last.findings(), last.heldBack(), last.auditId());
  }

  /** Hold-back so far: chunks taken, and the mean and largest tail held back after one. */
  public synchronized HoldBackStats holdBackStats() {
    return new HoldBackStats(steps, steps == 0 ? 0 : (double) heldTotal / steps, heldMost);
  }

  /** How much a session held back, in code points, over its chunks. */
  public record HoldBackStats(long chunks, double mean, int most) {}
}
