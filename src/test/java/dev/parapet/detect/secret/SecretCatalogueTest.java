package dev.parapet.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.model.InvalidPolicyException;
import dev.parapet.model.SourceProblem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue's strict reader, and what the shipped catalogue holds. */
class SecretCatalogueTest {

  private static List<SourceProblem> problems(String yaml) {
    List<SourceProblem> problems = new ArrayList<>();
    SecretCatalogue.read(yaml.getBytes(StandardCharsets.UTF_8), "t.yaml", problems);
    return problems;
  }

  @Test
  void shipsAtLeast150KindsFromAtLeast150Providers() {
    List<SecretKind> kinds = SecretCatalogue.builtIn();
    Set<String> providers = new HashSet<>();
    kinds.forEach(k -> providers.add(k.provider()));

    assertThat(kinds).hasSizeGreaterThanOrEqualTo(250);
    assertThat(providers).hasSizeGreaterThanOrEqualTo(150);
    assertThat(kinds.stream().filter(k -> !k.byKeyword()).count()).isGreaterThanOrEqualTo(150);
  }

  @Test
  void rejectsAnUnknownKeyNamingTheLine() {
    List<SourceProblem> problems =
        problems(
            "kinds:\n  - id: ACME_TOKEN\n    provider: acme\n    prefixes: [acme_]\n"
                + "    pattern: 'acme_[a-z0-9]{32}'\n    entropy: 3\n");

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).message())
        .startsWith("unknown key `entropy`; known keys:")
        .contains("minEntropy");
    assertThat(problems.get(0).line()).isEqualTo(6);
  }

  @Test
  void aMisspeltKeyIsAnsweredWithTheKeyItWasMeantToBe() {
    List<SourceProblem> problems =
        problems(
            "kinds:\n  - id: ACME_TOKEN\n    provider: acme\n    prefixes: [acme_]\n    keywrods: [acme]\n"
                + "    pattern: 'acme_[a-z0-9]{32}'\n");

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message()).isEqualTo("unknown key `keywrods`; did you mean `keywords`?");
              assertThat(p.line()).isEqualTo(5);
            });
  }

  @Test
  void rejectsABadPatternAKindWithoutPrefixOrKeywordAndATwiceDefinedId() {
    assertThat(
            problems("kinds:\n  - {id: A_TOKEN, provider: a, prefixes: [a_], pattern: 'a_[a-z'}\n"))
        .extracting(SourceProblem::message)
        .anyMatch(m -> m.contains("bad pattern"));
    assertThat(problems("kinds:\n  - {id: B_TOKEN, provider: b, pattern: 'b_[a-z]{9}'}\n"))
        .extracting(SourceProblem::message)
        .anyMatch(m -> m.contains("either prefixes or keywords"));
    assertThat(
            problems(
                "kinds:\n  - {id: C, provider: c, prefixes: [c_], pattern: 'c_[a-z]{9}'}\n"
                    + "  - {id: C, provider: c, prefixes: [c_], pattern: 'c_[a-z]{9}'}\n"))
        .extracting(SourceProblem::message)
        .anyMatch(m -> m.contains("defined twice"));
  }

  @Test
  void rejectsAnUnknownChecksum() {
    assertThat(
            problems(
                "kinds:\n  - {id: D, provider: d, prefixes: [d_], pattern: 'd_[a-z]{9}',"
                    + " checksum: luhn}\n"))
        .extracting(SourceProblem::message)
        .anyMatch(m -> m.contains("unknown checksum"));
  }

  @Test
  void officersKindsAreReadFromTheRulesSecretsDirectory(@TempDir Path rules) throws Exception {
    Files.createDirectories(rules.resolve("secrets"));
    Files.writeString(
        rules.resolve("secrets/acme.yaml"),
        "kinds:\n  - {id: ACME_TOKEN, provider: acme, prefixes: [acme_], pattern:"
            + " 'acme_[A-Za-z0-9]{32}'}\n");

    SecretDetector detector = SecretDetector.load(rules);

    assertThat(detector.kinds()).isEqualTo(SecretCatalogue.builtIn().size() + 1);
  }

  @Test
  void aBrokenOfficersFileFailsTheLoad(@TempDir Path rules) throws Exception {
    Files.createDirectories(rules.resolve("secrets"));
    Files.writeString(rules.resolve("secrets/bad.yaml"), "kinds:\n  - {id: X, typo: 1}\n");

    assertThatThrownBy(() -> SecretDetector.load(rules)).isInstanceOf(InvalidPolicyException.class);
  }
}
