package dev.parapet.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.api.auth.Caller;
import dev.parapet.api.auth.Role;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.policy.PolicyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The console's plain parts, without a server: sessions, highlighting, marks, CSV, origins. */
class ConsolePartsTest {

  private static final Caller ADMIN = new Caller("a", Set.of(Role.POLICY_ADMIN));

  /** A clock the test moves. */
  private static final class Moving extends Clock {
    final AtomicReference<Instant> now =
        new AtomicReference<>(Instant.parse("2026-12-08T00:00:00Z"));

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    void pass(Duration d) {
      now.set(now.get().plus(d));
    }
  }

  @Test
  void sessionsEndAfterIdleTimeAndAfterTheirLifetime() {
    Moving clock = new Moving();
    ConsoleSessions sessions = new ConsoleSessions(clock);
    ConsoleSessions.Session s = sessions.open(ADMIN).orElseThrow();
    clock.pass(ConsoleSessions.IDLE.minusMinutes(1));
    assertThat(sessions.find(s.id())).isPresent();
    clock.pass(ConsoleSessions.IDLE.plusMinutes(1));
    assertThat(sessions.find(s.id())).isEmpty();

    ConsoleSessions.Session busy = sessions.open(ADMIN).orElseThrow();
    for (int i = 0; i < 20; i++) {
      clock.pass(Duration.ofMinutes(25));
      sessions.find(busy.id());
    }
    assertThat(sessions.find(busy.id())).isEmpty();
  }

  @Test
  void aSessionEndsWhenTheTokenItWasOpenedWithExpires() {
    Moving clock = new Moving();
    ConsoleSessions sessions = new ConsoleSessions(clock);
    Caller jwt =
        new Caller(
            "jwt:alice",
            Set.of(Role.AUDITOR),
            Set.of(),
            clock.instant().plus(Duration.ofMinutes(10)));
    ConsoleSessions.Session s = sessions.open(jwt).orElseThrow();
    assertThat(sessions.remaining(s)).isEqualTo(Duration.ofMinutes(10));
    clock.pass(Duration.ofMinutes(9));
    assertThat(sessions.find(s.id())).isPresent();
    clock.pass(Duration.ofMinutes(1));
    assertThat(sessions.find(s.id())).isEmpty();
  }

  @Test
  void aKeySessionLastsItsLifetimeAndAnExpiredTokenOpensNone() {
    Moving clock = new Moving();
    ConsoleSessions sessions = new ConsoleSessions(clock);
    assertThat(sessions.remaining(sessions.open(ADMIN).orElseThrow()))
        .isEqualTo(ConsoleSessions.LIFETIME);
    Caller expired = new Caller("jwt:bob", Set.of(Role.AUDITOR), Set.of(), clock.instant());
    assertThat(sessions.open(expired)).isEmpty();
  }

  @Test
  void sessionIdsAndTokensAreRandomAndTokensAreCheckedExactly() {
    ConsoleSessions sessions = new ConsoleSessions(new Moving());
    ConsoleSessions.Session a = sessions.open(ADMIN).orElseThrow();
    ConsoleSessions.Session b = sessions.open(ADMIN).orElseThrow();
    assertThat(a.id()).isNotEqualTo(b.id()).hasSizeGreaterThanOrEqualTo(43);
    assertThat(a.acceptsToken(a.csrfToken())).isTrue();
    assertThat(a.acceptsToken(b.csrfToken())).isFalse();
    assertThat(a.acceptsToken(null)).isFalse();
    assertThat(sessions.find("made-up")).isEmpty();
  }

  @Test
  void highlightsByCodePointsAndKeepsOverlappingFindings() {
    String text = "😀 mail a@b.co now";
    // code points: the emoji is one, so "a@b.co" is [7, 13)
    Finding email = new Finding("pii", "EMAIL_ADDRESS", 7, 13, Severity.MEDIUM, 1.0, "pii/email");
    Finding wide = new Finding("lexicon", "SPAM", 2, 9, Severity.LOW, 0.5, "lexicon/spam");
    List<Highlighter.Segment> segments =
        Highlighter.segments(
            text,
            List.of(email, wide),
            Map.of(Highlighter.key(email), List.of("general/redact-pii")));
    assertThat(String.join("", segments.stream().map(Highlighter.Segment::text).toList()))
        .isEqualTo(text);
    assertThat(segments)
        .filteredOn(Highlighter.Segment::marked)
        .extracting(Highlighter.Segment::text)
        .containsExactly("mail ", "a@", "b.co");
    Highlighter.Segment both =
        segments.stream().filter(s -> s.text().equals("a@")).findFirst().get();
    assertThat(both.tip())
        .contains("EMAIL_ADDRESS · pii (pii/email) · score 1.00 · rule general/redact-pii")
        .contains("SPAM · lexicon")
        .contains("no rule acted");
  }

  @Test
  void marksExpiredAndSoonExpiringExceptions() {
    LocalDate today = LocalDate.parse("2026-12-08");
    assertThat(PolicyPage.exception(exception("2026-12-01"), today).state()).isEqualTo("expired");
    assertThat(PolicyPage.exception(exception("2026-12-30"), today).state()).isEqualTo("expiring");
    assertThat(PolicyPage.exception(exception("2027-06-30"), today).state()).isEqualTo("ok");
    assertThat(PolicyPage.exception(exception(""), today).note()).isEqualTo("no end date");
  }

  private static PolicyException exception(String expires) {
    return new PolicyException("rule", "tenant/acme/allow", "legal", "a reason", expires, true);
  }

  @Test
  void csvQuotesFieldsAndDefusesFormulas() {
    assertThat(ConsoleCsv.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(ConsoleCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(ConsoleCsv.field("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
    assertThat(ConsoleCsv.field(null)).isEmpty();
  }

  @Test
  void curlQuotesTheBodyForTheShell() {
    String curl = Curl.of("http://h:8080/", "{\"text\":\"it's\"}");
    assertThat(curl)
        .startsWith("curl -s 'http://h:8080/v1/check'")
        .contains("$PARAPET_KEY")
        .endsWith("-d '{\"text\":\"it'\\''s\"}'");
  }

  @Test
  void filterTimesAreTheViewersLocalTimes() {
    AuditFilter filter =
        new AuditFilter("2026-12-08T10:00", "", "Europe/Paris", "block", "", "", "", "", "");
    assertThat(filter.query().from()).isEqualTo(Instant.parse("2026-12-08T09:00:00Z"));
    assertThat(filter.queryString())
        .isEqualTo("from=2026-12-08T10%3A00&tz=Europe%2FParis&decision=block");
  }
}
