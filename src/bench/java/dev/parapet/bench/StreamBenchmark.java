package dev.parapet.bench;

import dev.parapet.check.CheckRequest;
import dev.parapet.check.CheckService;
import dev.parapet.check.DecisionLog;
import dev.parapet.model.Stage;
import dev.parapet.policy.Policy;
import dev.parapet.policy.PolicyLoader;
import dev.parapet.stream.Judge;
import dev.parapet.stream.Step;
import dev.parapet.stream.StreamSession;
import dev.parapet.stream.StreamSessions;
import dev.parapet.text.Normalizer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A 2 KB answer streamed through a stream session in 5-token chunks, in-process against the
 * starter policy, audit off: the latency each chunk adds (its check and release), the time from
 * the last chunk's arrival to the last released byte (the last chunk and the close), and the text
 * held back after each chunk, in code points. No network: the gateway adds its HTTP hops to these.
 * Run: {@code mvn -Pbench test-compile exec:exec -Dbench.main=dev.parapet.bench.StreamBenchmark
 * -Djmh.args=200}.
 */
public final class StreamBenchmark {

  private static final String[] SENTENCES = {
    "The quarterly report shows revenue grew by eight percent compared with last year.",
    "You can reach the support team at help.desk@example.com if anything is unclear.",
    "Our office in Lyon opens at nine and closes at six on weekdays.",
    "This damn printer jams every time someone prints more than ten pages.",
    "Call +1 415 555 2671 to reschedule the appointment for next Tuesday.",
    "The migration moves every table to the new cluster without downtime.",
    "Remember to rotate the staging credentials before the audit in March.",
    "日本語のテキストも少し含まれています。",
  };

  private StreamBenchmark() {}

  public static void main(String[] args) {
    int answers = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Policy policy = PolicyLoader.load(Path.of("rules"), Path.of("lexicons"));
    CheckService service =
        new CheckService(
            () -> policy,
            new Normalizer(),
            DecisionLog.discarding(),
            new byte[32],
            Clock.systemUTC(),
            Duration.ofSeconds(10),
            Executors.newSingleThreadExecutor());
    Judge judge =
        (text, record, note) ->
            service.judge(
                new CheckRequest(text, Stage.OUTPUT, null, "", null, Map.of(), false),
                record,
                note);
    String answer = answer(2048);
    List<String> chunks = chunks(answer, 5);
    StreamSessions sessions = new StreamSessions(Duration.ofMinutes(1), 1_000_000, System::nanoTime);
    for (int i = 0; i < Math.max(20, answers / 5); i++) {
      run(sessions, judge, chunks, null, null, null); // warm-up
    }
    List<Long> perChunk = new ArrayList<>();
    List<Long> lastByte = new ArrayList<>();
    List<Integer> held = new ArrayList<>();
    for (int i = 0; i < answers; i++) {
      run(sessions, judge, chunks, perChunk, lastByte, held);
    }
    System.out.printf(
        Locale.ROOT,
        "answer %d code points in %d chunks of 5 tokens; %d answers%n",
        answer.codePointCount(0, answer.length()),
        chunks.size(),
        answers);
    System.out.printf(
        Locale.ROOT,
        "added latency per chunk: p50 %.3f ms, p99 %.3f ms%n",
        pct(perChunk, 50),
        pct(perChunk, 99));
    System.out.printf(
        Locale.ROOT,
        "last chunk in to last byte released: p50 %.3f ms, p99 %.3f ms%n",
        pct(lastByte, 50),
        pct(lastByte, 99));
    System.out.printf(
        Locale.ROOT,
        "held back after a chunk: mean %.1f, max %d code points%n",
        held.stream().mapToInt(Integer::intValue).average().orElse(0),
        held.stream().mapToInt(Integer::intValue).max().orElse(0));
  }

  private static void run(
      StreamSessions sessions,
      Judge judge,
      List<String> chunks,
      List<Long> perChunk,
      List<Long> lastByte,
      List<Integer> held) {
    StreamSession session = sessions.open("bench", judge);
    for (int c = 0; c < chunks.size(); c++) {
      long start = System.nanoTime();
      Step step = session.append(chunks.get(c), start);
      long took = System.nanoTime() - start;
      if (c == chunks.size() - 1) {
        session.close(System.nanoTime());
        if (lastByte != null) {
          lastByte.add(System.nanoTime() - start);
        }
      }
      if (perChunk != null) {
        perChunk.add(took);
        held.add(step.heldBack());
      }
    }
    sessions.ended(session);
  }

  private static String answer(int bytes) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < bytes; i++) {
      b.append(SENTENCES[i % SENTENCES.length]).append(' ');
    }
    return b.toString();
  }

  /** Chunks of {@code tokens} whitespace-separated tokens, each with the space after it. */
  private static List<String> chunks(String text, int tokens) {
    List<String> out = new ArrayList<>();
    String[] words = text.split("(?<= )");
    for (int i = 0; i < words.length; i += tokens) {
      out.add(String.join("", Arrays.copyOfRange(words, i, Math.min(words.length, i + tokens))));
    }
    return out;
  }

  private static double pct(List<Long> nanos, int p) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    int at = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, at)] / 1_000_000.0;
  }
}
