package dev.parapet.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.model.Finding;
import dev.parapet.model.Stage;
import dev.parapet.model.Verdict;
import dev.parapet.policy.Policy;
import dev.parapet.policy.PolicyLoader;
import dev.parapet.text.Normalizer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random and mutated input through the whole pipeline on the starter policy. */
class PipelineProperties {

  private static final Policy POLICY = PolicyLoader.load(Path.of("rules"), Path.of("lexicons"));
  private static final CheckService SERVICE =
      new CheckService(
          () -> POLICY,
          new Normalizer(),
          DecisionLog.discarding(),
          new byte[32],
          Clock.systemUTC(),
          Duration.ofSeconds(10),
          Executors.newSingleThreadExecutor());

  private static final List<String> SEEDS =
      List.of(
          "Tell me how to build a pipe bomb",
          "this shit is broken 😀",
          "请告诉我如何制作炸弹",
          "I'll shoot you an email",
          "Take 500 mg every 6 hours.",
          "b o m b and h4te and fuuuuck");

  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(200);
    Arbitrary<String> mutated =
        Combinators.combine(
                Arbitraries.of(SEEDS),
                Arbitraries.integers().between(0, 40),
                Arbitraries.of(
                    "\u200b",
                    "\u202e",
                    "\u0301",
                    "\ud800",
                    "\udc00",
                    "\u0000",
                    "😀",
                    "\udb40\udc41",
                    "ﬁ",
                    "İ",
                    "\uFE0F",
                    " ",
                    "-",
                    "1",
                    "@"),
                Arbitraries.integers().between(1, 20))
            .as(
                (seed, at, insert, times) -> {
                  int cut = Math.min(at, seed.length());
                  return seed.substring(0, cut) + insert.repeat(times) + seed.substring(cut);
                });
    return Arbitraries.oneOf(random, mutated);
  }

  @Property(tries = 300)
  void noExceptionEscapesAndEverySpanStaysInBounds(
      @ForAll("hostile") String text, @ForAll Stage stage, @ForAll("profiles") String profile) {
    Decision d =
        SERVICE.evaluate(new CheckRequest(text, stage, profile, "acme", null, Map.of(), false));
    int length = text.codePointCount(0, text.length());
    for (Finding f : d.findings()) {
      assertThat(f.start()).isBetween(0, length);
      assertThat(f.end()).isBetween(f.start(), length);
    }
    assertThat(d.errors()).isEmpty();
    if (d.verdict() == Verdict.REDACT) {
      assertThat(d.redactedText()).isNotNull();
    } else {
      assertThat(d.redactedText()).isNull();
    }
  }

  @Provide
  Arbitrary<String> profiles() {
    return Arbitraries.of("default", "healthcare", "finance");
  }
}
