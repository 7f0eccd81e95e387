package dev.parapet.detect.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.detect.DetectorInput;
import dev.parapet.detect.DetectorSet;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.InvalidPolicyException;
import dev.parapet.model.SourceProblem;
import dev.parapet.model.Stage;
import dev.parapet.text.Normalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lexicon under tenant/<id>/ or app/<id>/, or with scope: in its metadata, is searched only
 * there.
 */
class ScopedLexiconTest {

  @TempDir Path dir;

  private void lexicon(String relative, String yaml, String terms) throws IOException {
    Path txt = dir.resolve(relative + ".txt");
    Files.createDirectories(txt.getParent());
    Files.writeString(dir.resolve(relative + ".yaml"), yaml);
    Files.writeString(txt, terms);
  }

  private static List<Finding> detect(LexiconSet set, String tenant, String app, String text) {
    return set.detector()
        .detect(
            new DetectorInput(
                new Normalizer().normalize(text),
                new CheckContext(
                    Stage.INPUT,
                    "default",
                    tenant,
                    app.isEmpty() ? Map.of() : Map.of("app", app),
                    text.codePointCount(0, text.length()))));
  }

  @Test
  void aTenantsLexiconIsSearchedOnlyForThatTenant() throws IOException {
    lexicon("tenant/acme/competitors", "category: competitor\nseverity: low\n", "globex\n");
    LexiconSet set = LexiconSet.load(dir, new Normalizer(), Clock.systemUTC());

    assertThat(detect(set, "acme", "", "switch to globex"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.type()).isEqualTo("COMPETITOR");
              assertThat(f.source()).isEqualTo("lexicon/tenant/acme/competitors");
            });
    assertThat(detect(set, "beta", "", "switch to globex")).isEmpty();
    assertThat(detect(set, "", "", "switch to globex")).isEmpty();
  }

  @Test
  void anAppsLexiconIsSearchedOnlyForThatApp() throws IOException {
    lexicon("app/support-bot/internal", "category: internal\nseverity: low\n", "nightjar\n");
    LexiconSet set = LexiconSet.load(dir, new Normalizer(), Clock.systemUTC());

    assertThat(detect(set, "acme", "support-bot", "project nightjar")).hasSize(1);
    assertThat(detect(set, "acme", "sales-bot", "project nightjar")).isEmpty();
  }

  @Test
  void scopeInTheMetadataScopesALexiconAtTheTop() throws IOException {
    lexicon("codenames", "category: internal\nseverity: low\nscope: tenant/acme\n", "nightjar\n");
    LexiconSet set = LexiconSet.load(dir, new Normalizer(), Clock.systemUTC());

    assertThat(detect(set, "acme", "", "project nightjar")).hasSize(1);
    assertThat(detect(set, "beta", "", "project nightjar")).isEmpty();
    assertThat(set.summaries())
        .extracting(DetectorSet.LexiconSummary::scope)
        .containsExactly("tenant/acme");
  }

  @Test
  void aTenantsAllowlistDoesNotRelaxAnotherTenantsFindings() throws IOException {
    lexicon("profanity-en", "category: profanity\nseverity: low\n", "damn\n");
    lexicon("tenant/acme/allow", "allowlist: true\n", "damn\n");
    LexiconSet set = LexiconSet.load(dir, new Normalizer(), Clock.systemUTC());

    assertThat(detect(set, "acme", "", "damn it")).isEmpty();
    assertThat(detect(set, "beta", "", "damn it"))
        .extracting(Finding::type)
        .containsExactly("PROFANITY");
  }

  @Test
  void twoTenantsMayNameTheirLexiconsAlike() throws IOException {
    lexicon("tenant/acme/competitors", "category: competitor\n", "globex\n");
    lexicon("tenant/beta/competitors", "category: competitor\n", "initech\n");
    LexiconSet set = LexiconSet.load(dir, new Normalizer(), Clock.systemUTC());

    assertThat(detect(set, "acme", "", "globex or initech"))
        .extracting(Finding::start)
        .containsExactly(0);
    assertThat(detect(set, "beta", "", "globex or initech"))
        .extracting(Finding::start)
        .containsExactly(10);
  }

  @Test
  void aMetadataScopeThatContradictsTheDirectoryIsAProblem() throws IOException {
    lexicon("tenant/acme/competitors", "category: competitor\nscope: tenant/beta\n", "globex\n");

    assertThatThrownBy(() -> LexiconSet.load(dir, new Normalizer(), Clock.systemUTC()))
        .isInstanceOfSatisfying(
            InvalidPolicyException.class,
            e ->
                assertThat(e.problems())
                    .extracting(SourceProblem::toString)
                    .containsExactly(
                        "tenant/acme/competitors.yaml:2: scope 'tenant/beta' contradicts the"
                            + " directory, which gives tenant/acme"));
  }

  @Test
  void theIndexCacheKeepsTheScope() throws IOException {
    lexicon("tenant/acme/competitors", "category: competitor\n", "globex\n");
    Path cache = Files.createTempDirectory(dir.getParent(), "cache");
    LexiconSet.load(dir, new Normalizer(), Clock.systemUTC(), cache);
    LexiconSet reopened = LexiconSet.load(dir, new Normalizer(), Clock.systemUTC(), cache);

    assertThat(detect(reopened, "beta", "", "globex")).isEmpty();
    assertThat(detect(reopened, "acme", "", "globex")).hasSize(1);
  }
}
