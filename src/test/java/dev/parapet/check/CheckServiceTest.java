package dev.parapet.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.model.Stage;
import dev.parapet.model.Verdict;
import dev.parapet.policy.Policy;
import dev.parapet.policy.PolicyLoader;
import dev.parapet.text.Normalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline end to end on small policies written for each behaviour. */
class CheckServiceTest {

  static final String HEADER =
      "package t;\nimport dev.parapet.model.*;\nglobal dev.parapet.policy.Decide decide;\n";

  @TempDir Path dir;

  @BeforeEach
  void lexicon() throws Exception {
    Path lexicons = Files.createDirectories(dir.resolve("active/lexicons"));
    Files.writeString(lexicons.resolve("words.yaml"), "category: word\nseverity: high\n");
    Files.writeString(lexicons.resolve("words.txt"), "zorblax\n");
  }

  private void write(String relative, String content) throws Exception {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private void profiles(String root, String failMode, String extra) throws Exception {
    write(
        root + "/rules/profiles.yaml",
        "profiles:\n  default:\n    tiers: [general]\n    failMode: " + failMode + "\n" + extra);
  }

  private CheckService service(Policy policy) {
    return new CheckService(
        () -> policy,
        new Normalizer(),
        DecisionLog.discarding(),
        new byte[32],
        Clock.systemUTC(),
        Duration.ofSeconds(5),
        Executors.newSingleThreadExecutor());
  }

  private Policy load(String root) {
    return PolicyLoader.load(dir.resolve(root + "/rules"), dir.resolve(root + "/lexicons"));
  }

  private static CheckRequest request(String text) {
    return new CheckRequest(text, Stage.INPUT, null, "acme", "r-1", Map.of(), true);
  }

  @Test
  void aRuleThatThrowsFailsClosedAndSaysSo() throws Exception {
    profiles("active", "closed", "");
    write(
        "active/rules/general/faulty.drl",
        HEADER
            + "rule \"Faulty\"\nwhen\n  CheckContext()\nthen\n  Object o = null; o.hashCode();\nend\n");
    Decision d = service(load("active")).evaluate(request("hello"));
    assertThat(d.verdict()).isEqualTo(Verdict.BLOCK);
    assertThat(d.failedClosed()).isTrue();
    assertThat(d.rules()).contains(CheckService.FAIL_CLOSED);
    assertThat(d.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.ruleId()).isEqualTo("general/faulty"));
  }

  @Test
  void failOpenDecidesOnWhatStillWorked() throws Exception {
    profiles("active", "open", "");
    write(
        "active/rules/general/faulty.drl",
        HEADER
            + "rule \"Faulty\"\nwhen\n  CheckContext()\nthen\n  Object o = null; o.hashCode();\nend\n");
    Decision d = service(load("active")).evaluate(request("hello"));
    assertThat(d.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(d.failedClosed()).isFalse();
    assertThat(d.errors()).hasSize(1);
  }

  @Test
  void explanationShowsEachTiersActions() throws Exception {
    profiles("active", "closed", "");
    write(
        "active/rules/general/words.drl",
        HEADER
            + "rule \"BlockWord\"\nwhen\n  $f : Finding(type == \"WORD\")\nthen\n  decide.block(\"no\", $f);\nend\n");
    Decision d = service(load("active")).evaluate(request("a zorblax"));
    assertThat(d.verdict()).isEqualTo(Verdict.BLOCK);
    assertThat(d.explanation().tiers())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.tier()).isEqualTo("general");
              assertThat(t.actions())
                  .singleElement()
                  .satisfies(a -> assertThat(a.findings()).hasSize(1));
            });
  }

  @Test
  void shadowCandidateIsJudgedButNeverDecides() throws Exception {
    profiles("active", "closed", "    shadow: ../candidate\n");
    write("active/rules/general/none.drl", HEADER);
    profiles("candidate", "closed", "");
    Files.createDirectories(dir.resolve("candidate/lexicons"));
    Files.copy(
        dir.resolve("active/lexicons/words.yaml"), dir.resolve("candidate/lexicons/words.yaml"));
    Files.copy(
        dir.resolve("active/lexicons/words.txt"), dir.resolve("candidate/lexicons/words.txt"));
    write(
        "candidate/rules/general/words.drl",
        HEADER
            + "rule \"BlockWord\"\nwhen\n  $f : Finding(type == \"WORD\")\nthen\n  decide.block(\"no\", $f);\nend\n");
    CheckService service = service(load("active"));
    Decision disagree = service.check(request("a zorblax")).decision();
    assertThat(disagree.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(disagree.shadowVerdict()).isEqualTo(ShadowVerdict.BLOCK);
    Decision agree = service.check(request("hello")).decision();
    assertThat(agree.shadowVerdict()).isNull();
  }

  @Test
  void unknownProfileIsRefused() throws Exception {
    profiles("active", "closed", "");
    write("active/rules/general/none.drl", HEADER);
    CheckService service = service(load("active"));
    assertThatThrownBy(
            () ->
                service.evaluate(
                    new CheckRequest("x", Stage.INPUT, "nope", "", null, Map.of(), false)))
        .isInstanceOf(UnknownProfileException.class);
  }

  @Test
  void noPolicyMeansUnavailable() {
    assertThatThrownBy(() -> service(null).evaluate(request("x")))
        .isInstanceOf(PolicyUnavailableException.class);
  }
}
