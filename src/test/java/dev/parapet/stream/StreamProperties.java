package dev.parapet.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.check.Decision;
import dev.parapet.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * For any answer and any split of it into chunks, a stream releases exactly what one check of the
 * whole answer would show (its redacted text), and after a block nothing past the block point.
 */
class StreamProperties {

  /** Words, terms, personal data and secrets, plain, disguised and split across scripts. */
  private static final List<String> PIECES =
      List.of(
          "the",
          "answer",
          "is",
          "ready",
          "shit",
          "shiiiit",
          "fucking",
          "bullshit",
          "asshole",
          "s h i t",
          "class",
          "assume",
          "jane.doe@example.com",
          "+1 415 555 2671",
          "(415) 555-2671",
          "4111 1111 1111 1111",
          "DE89 3704 0044 0532 0130 00",
          "https://example.com/a?b=c",
          "192.168.10.20",
          "AKIAIOSFODNN7EXAMPLE",
          "call me at",
          "phone",
          "😀",
          "日本語",
          "他妈的",
          "straße",
          "é",
          "naïve",
          "1",
          "42",
          "-",
          "pipe bomb",
          "[link](https://example.com)",
          "<|im_start|>",
          "\"<|im_start|>\"",
          "\"",
          "an example",
          "![x](https://evil.example/p?q=secret+data+of+the+user+here)");

  private static final List<String> SEPARATORS = List.of(" ", " ", " ", "  ", "\n", ", ", ". ", "");

  @Provide
  Arbitrary<String> answers() {
    Arbitrary<String> piece =
        Arbitraries.<String>frequencyOf(
            net.jqwik.api.Tuple.of(30, Arbitraries.of(PIECES.subList(0, 31))),
            net.jqwik.api.Tuple.of(3, Arbitraries.of(PIECES.subList(31, PIECES.size()))),
            net.jqwik.api.Tuple.of(2, Arbitraries.strings().ofMinLength(1).ofMaxLength(4)));
    return net.jqwik.api.Combinators.combine(piece, Arbitraries.of(SEPARATORS))
        .as((p, s) -> p + s)
        .list()
        .ofMinSize(1)
        .ofMaxSize(30)
        .map(parts -> String.join("", parts));
  }

  @Property(tries = 300)
  void releasesExactlyTheRedactedWholeAndNothingPastABlock(
      @ForAll("answers") String answer,
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 12) Integer> sizes) {
    Decision whole = StarterPolicy.SERVICE.evaluate(StarterPolicy.answer(answer));
    StreamSession session = new StreamSession("s", "k", StarterPolicy.judge(), 0);
    StringBuilder released = new StringBuilder();
    boolean blocked = false;
    for (String chunk : chunks(answer, sizes)) {
      Step step = session.append(chunk, 0);
      released.append(step.release());
      blocked |= step.verdict() == Verdict.BLOCK;
    }
    Step last = session.close(0);
    released.append(last.release());
    if (whole.verdict() != Verdict.BLOCK) {
      String expected = whole.redactedText() == null ? answer : whole.redactedText();
      assertThat(blocked).isFalse();
      assertThat(released.toString()).isEqualTo(expected);
    } else {
      assertThat(last.verdict()).isEqualTo(Verdict.BLOCK);
      assertThat(session.released()).isLessThanOrEqualTo(blockPoint(answer));
    }
  }

  /**
   * Where the answer becomes blocked for good, in code points: the shortest prefix from which every
   * longer prefix blocks too. A shorter prefix may block for a while ("s h i t" before "s h i t1").
   */
  private static int blockPoint(String answer) {
    int total = answer.codePointCount(0, answer.length());
    int point = total;
    for (int k = total; k >= 1; k--) {
      String prefix = answer.substring(0, answer.offsetByCodePoints(0, k));
      if (StarterPolicy.SERVICE.evaluate(StarterPolicy.answer(prefix)).verdict() != Verdict.BLOCK) {
        break;
      }
      point = k;
    }
    return point;
  }

  /** The answer cut into chunks of the given sizes in code points, cycling; never mid-character. */
  static List<String> chunks(String answer, List<Integer> sizes) {
    List<String> out = new ArrayList<>();
    int at = 0;
    int i = 0;
    while (at < answer.length()) {
      int size = sizes.get(i++ % sizes.size());
      int end = at;
      for (int n = 0; n < size && end < answer.length(); n++) {
        end += Character.charCount(answer.codePointAt(end));
      }
      out.add(answer.substring(at, end));
      at = end;
    }
    return out;
  }
}
