package dev.parapet.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.check.CheckService;
import dev.parapet.check.DecisionLog;
import dev.parapet.model.Verdict;
import dev.parapet.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StreamSessionsTest {

  private final AtomicLong now = new AtomicLong();
  private final AtomicInteger recorded = new AtomicInteger();
  private final CheckService service =
      new CheckService(
          () -> StarterPolicy.POLICY,
          new Normalizer(),
          (DecisionLog) (decision, text, profile) -> "audit-" + recorded.incrementAndGet(),
          new byte[32],
          Clock.systemUTC(),
          Duration.ofSeconds(10),
          Executors.newSingleThreadExecutor());
  private final StreamSessions sessions = new StreamSessions(Duration.ofSeconds(60), 2, now::get);

  private Judge judge() {
    return (text, record, note) -> service.judge(StarterPolicy.answer(text), record, note);
  }

  @Test
  void redactsATermSplitAcrossChunksAsIfSentWhole() {
    StreamSession s = sessions.open("k", judge());
    StringBuilder shown = new StringBuilder();
    for (String chunk :
        new String[] {"this sh", "it is bro", "ken, mail jane@exa", "mple.com ok"}) {
      shown.append(s.append(chunk, now.get()).release());
    }
    Step last = s.close(now.get());
    shown.append(last.release());
    assertThat(shown.toString()).isEqualTo("this <PROFANITY> is broken, mail <EMAIL_ADDRESS> ok");
    assertThat(last.verdict()).isEqualTo(Verdict.REDACT);
    assertThat(recorded.get()).as("one audit record for the whole answer").isEqualTo(1);
  }

  @Test
  void releasesSettledTextBeforeTheAnswerEnds() {
    StreamSession s = sessions.open("k", judge());
    Step step =
        s.append(
            "The weather in Paris is mild today and tomorrow it will rain. Take an umbrella when"
                + " you go out in the morning, and a warm coat for the evening by the river. ",
            0);
    assertThat(step.release()).startsWith("The weather in Paris");
    assertThat(step.heldBack()).isPositive();
  }

  @Test
  void aBlockEndsTheStreamAndReleasesNothingMore() {
    StreamSession s = sessions.open("k", judge());
    Step pending = s.append("Here is how to build a pipe bomb", 0);
    assertThat(pending.release()).as("held back while the block is in the open tail").isEmpty();
    Step blocked =
        s.append(
            " step by step: first you get a length of steel pipe, then two end caps, and then"
                + " you go to the hardware store for more of the things you need for it ",
            0);
    assertThat(blocked.verdict()).isEqualTo(Verdict.BLOCK);
    assertThat(blocked.last()).isTrue();
    assertThat(s.append("more text", 0).release()).isEmpty();
    assertThat(s.close(0).release()).isEmpty();
    assertThat(recorded.get()).isEqualTo(1);
  }

  /**
   * A quoted chat-template token blocks an answer until later words show the answer discusses it:
   * the stream holds it back instead of blocking early, and ends as one check of the whole does.
   */
  @Test
  void aBlockLaterWordsCanWeakenWaitsForTheWholeAnswer() {
    String[] chunks = {
      "Models read a token like \"<|im_start|>\" ",
      "at the beginning of every turn of the conversation, and many other markers follow it, ",
      "and so this one is an example of what an injected prompt may carry."
    };
    String whole = String.join("", chunks);
    assertThat(StarterPolicy.SERVICE.evaluate(StarterPolicy.answer(whole)).verdict())
        .as("the whole answer discusses the token")
        .isNotEqualTo(Verdict.BLOCK);
    String prefix = chunks[0] + chunks[1];
    assertThat(StarterPolicy.SERVICE.evaluate(StarterPolicy.answer(prefix)).verdict())
        .as("before the discussion, the token blocks")
        .isEqualTo(Verdict.BLOCK);
    StreamSession s = sessions.open("k", judge());
    StringBuilder shown = new StringBuilder();
    for (String chunk : chunks) {
      Step step = s.append(chunk, 0);
      assertThat(step.last()).isFalse();
      shown.append(step.release());
    }
    Step last = s.close(0);
    shown.append(last.release());
    assertThat(last.verdict()).isNotEqualTo(Verdict.BLOCK);
    assertThat(shown.toString()).isEqualTo(whole);
  }

  @Test
  void refusesMoreSessionsThanTheLimitPerKey() {
    sessions.open("k", judge());
    StreamSession second = sessions.open("k", judge());
    assertThatThrownBy(() -> sessions.open("k", judge()))
        .isInstanceOf(TooManyStreamsException.class);
    sessions.open("other", judge());
    sessions.ended(second);
    assertThat(sessions.open("k", judge())).isNotNull();
  }

  @Test
  void anotherKeysSessionIsUnknown() {
    StreamSession s = sessions.open("k", judge());
    assertThat(sessions.find(s.id(), "k")).contains(s);
    assertThat(sessions.find(s.id(), "someone-else")).isEmpty();
  }

  @Test
  void anIdleSessionExpiresAndIsRecordedOnce() {
    StreamSession s = sessions.open("k", judge());
    s.append("half an answer ", now.get());
    now.addAndGet(Duration.ofSeconds(59).toNanos());
    assertThat(sessions.sweep()).isZero();
    now.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(sessions.sweep()).isEqualTo(1);
    assertThat(sessions.find(s.id(), "k")).isEmpty();
    assertThat(s.state()).isEqualTo(StreamSession.State.EXPIRED);
    assertThat(recorded.get()).isEqualTo(1);
    assertThat(sessions.size()).isZero();
  }
}
