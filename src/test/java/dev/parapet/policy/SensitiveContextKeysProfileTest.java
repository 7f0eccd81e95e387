package dev.parapet.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.model.InvalidPolicyException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profile names the context keys whose values audit records keep only hashed. */
class SensitiveContextKeysProfileTest {

  @TempDir Path dir;

  private Path rules(String profile) throws Exception {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.createDirectories(dir.resolve("lexicons"));
    Files.createDirectories(rules.resolve("baseline"));
    Files.writeString(
        rules.resolve("profiles.yaml"), "profiles:\n  default:\n    tiers: [baseline]\n" + profile);
    return rules;
  }

  private void refused(String profile, String message) throws Exception {
    Path rules = rules(profile);
    assertThatThrownBy(() -> PolicyLoader.load(rules, dir.resolve("lexicons")))
        .isInstanceOfSatisfying(
            InvalidPolicyException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(
                        p -> {
                          assertThat(p.line()).isEqualTo(4);
                          assertThat(p.message()).contains(message);
                        }));
  }

  @Test
  void aProfileListsItsSensitiveContextKeys() throws Exception {
    Path rules = rules("    sensitiveContextKeys: [userEmail, accountId]\n");

    Profile profile = PolicyLoader.load(rules, dir.resolve("lexicons")).defaultProfile();

    assertThat(profile.sensitiveContextKeys()).containsExactlyInAnyOrder("userEmail", "accountId");
  }

  @Test
  void withoutTheListEveryContextValueIsKeptInClear() throws Exception {
    Profile profile = PolicyLoader.load(rules(""), dir.resolve("lexicons")).defaultProfile();

    assertThat(profile.sensitiveContextKeys()).isEmpty();
  }

  @Test
  void aMisspeltKeyIsRefusedWithTheKeyItWasMeantToBe() throws Exception {
    refused(
        "    sensitiveContextKey: [userEmail]\n",
        "unknown key `sensitiveContextKey`; did you mean `sensitiveContextKeys`?");
  }

  @Test
  void aKeyThatIsNotAListOrNotAStringIsRefused() throws Exception {
    refused("    sensitiveContextKeys: userEmail\n", "must be a list of keys");
    refused("    sensitiveContextKeys: [userEmail, [a, b]]\n", "is not a context key");
  }
}
