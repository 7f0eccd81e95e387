package dev.parapet.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.model.InvalidPolicyException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhoneRegionsProfileTest {

  @TempDir Path dir;

  private Path rules(String profile) throws Exception {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.createDirectories(dir.resolve("lexicons"));
    Files.createDirectories(rules.resolve("baseline"));
    Files.writeString(
        rules.resolve("profiles.yaml"), "profiles:\n  default:\n    tiers: [baseline]\n" + profile);
    return rules;
  }

  @Test
  void aProfileNamesItsPhoneRegionsInAnyCase() throws Exception {
    Path rules = rules("    phoneRegions: [gb, DE]\n");

    Profile profile = PolicyLoader.load(rules, dir.resolve("lexicons")).defaultProfile();

    assertThat(profile.phoneRegions()).containsExactly("GB", "DE");
  }

  @Test
  void aProfileWithoutPhoneRegionsLeavesTheDefaultToTheDetector() throws Exception {
    Profile profile = PolicyLoader.load(rules(""), dir.resolve("lexicons")).defaultProfile();

    assertThat(profile.phoneRegions()).isEmpty();
  }

  @Test
  void anUnknownRegionIsRefusedNamingItsLine() throws Exception {
    Path rules = rules("    phoneRegions: [GB, XQ]\n");

    assertThatThrownBy(() -> PolicyLoader.load(rules, dir.resolve("lexicons")))
        .isInstanceOfSatisfying(
            InvalidPolicyException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(
                        p -> {
                          assertThat(p.line()).isEqualTo(4);
                          assertThat(p.message()).contains("XQ");
                        }));
  }
}
