package dev.parapet.detect.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The in-place host-name check behind e-mail addresses accepts exactly what its grammar says. */
class EmailDomainTest {

  /** The grammar as a regex: the check replaced it to stop allocating a matcher per '@'. */
  private static final Pattern HOST =
      Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}");

  @Test
  void acceptsHostNamesAndRejectsTheRest() {
    assertThat(valid("example.com")).isTrue();
    assertThat(valid("mail.ex-ample.co.uk")).isTrue();
    assertThat(valid("a.io")).isTrue();
    assertThat(valid("localhost")).isFalse();
    assertThat(valid("example.c")).isFalse();
    assertThat(valid("example.c0m")).isFalse();
    assertThat(valid("-example.com")).isFalse();
    assertThat(valid("example-.com")).isFalse();
    assertThat(valid("example..com")).isFalse();
    assertThat(valid(".example.com")).isFalse();
    assertThat(valid("x".repeat(63) + ".com")).isTrue();
    assertThat(valid("x".repeat(64) + ".com")).isFalse();
    assertThat(valid("example." + "c".repeat(25))).isFalse();
  }

  @Property(tries = 10000)
  void agreesWithTheGrammar(@ForAll("hosts") String host) {
    String text = "<" + host + ">";
    assertThat(EmailScanner.isDomainName(text, 1, text.length() - 1))
        .as(host)
        .isEqualTo(HOST.matcher(host).matches());
  }

  @Provide
  Arbitrary<String> hosts() {
    Arbitrary<String> label =
        Arbitraries.strings().withChars("ab9-Z").ofMinLength(0).ofMaxLength(4);
    Arbitrary<String> longLabel =
        Arbitraries.strings().withChars("ab-").ofMinLength(60).ofMaxLength(66);
    Arbitrary<String> anyLabel =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(9, label), net.jqwik.api.Tuple.of(1, longLabel));
    return Combinators.combine(anyLabel.list().ofMinSize(1).ofMaxSize(4), Arbitraries.of("", "."))
        .as((labels, tail) -> String.join(".", labels) + tail);
  }

  private static boolean valid(String host) {
    return EmailScanner.isDomainName(host, 0, host.length());
  }
}
