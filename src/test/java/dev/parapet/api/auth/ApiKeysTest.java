package dev.parapet.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {

  @TempDir Path dir;

  private Path write(String yaml) throws Exception {
    Path file = dir.resolve("keys.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void authenticatesAKeyByItsHashAndGivesItsRoles() throws Exception {
    Path file =
        write(
            "keys:\n  - id: bot\n    sha256: "
                + ApiKeys.hashOf("s3cret")
                + "\n    roles: [checker, policy-admin]\n");
    ApiKeys keys = ApiKeys.load(file);
    Caller caller = keys.authenticate("s3cret").orElseThrow();
    assertThat(caller.id()).isEqualTo("bot");
    assertThat(caller.roles()).containsExactlyInAnyOrder(Role.CHECKER, Role.POLICY_ADMIN);
    assertThat(keys.authenticate("s3cret ")).isEmpty();
    assertThat(keys.authenticate("other")).isEmpty();
  }

  @Test
  void theFileHoldsNoKeyOnlyItsHash() throws Exception {
    Path file = dir.resolve("boot.yaml");
    ApiKeys.writeBootstrap(file, "bootstrap-admin", "pk_plain_key_value");
    String content = Files.readString(file);
    assertThat(content)
        .doesNotContain("pk_plain_key_value")
        .contains(ApiKeys.hashOf("pk_plain_key_value"));
    assertThat(ApiKeys.load(file).authenticate("pk_plain_key_value").orElseThrow().roles())
        .containsExactlyInAnyOrder(Role.values());
  }

  @Test
  void unknownRoleIsRefusedAtLoad() throws Exception {
    Path file =
        write("keys:\n  - id: bot\n    sha256: " + ApiKeys.hashOf("k") + "\n    roles: [root]\n");
    assertThatThrownBy(() -> ApiKeys.load(file)).hasMessageContaining("unknown role 'root'");
  }

  @Test
  void malformedHashIsRefusedAtLoad() throws Exception {
    Path file = write("keys:\n  - id: bot\n    sha256: abc\n    roles: [checker]\n");
    assertThatThrownBy(() -> ApiKeys.load(file)).hasMessageContaining("64-hex-digit");
  }

  @Test
  void aKeyMayBeBoundToTenants() throws Exception {
    Path file =
        write(
            "keys:\n  - id: bot\n    sha256: "
                + ApiKeys.hashOf("k")
                + "\n    roles: [checker]\n    tenants: [acme]\n");
    Caller caller = ApiKeys.load(file).authenticate("k").orElseThrow();
    assertThat(caller.tenants()).containsExactly("acme");
  }

  @Test
  void aKeyWithoutTenantsIsUnbound() throws Exception {
    Path file =
        write(
            "keys:\n  - id: bot\n    sha256: " + ApiKeys.hashOf("k") + "\n    roles: [checker]\n");
    assertThat(ApiKeys.load(file).authenticate("k").orElseThrow().bound()).isFalse();
  }

  @Test
  void anUnknownMemberIsRefusedAtLoad() throws Exception {
    Path file =
        write(
            "keys:\n  - id: bot\n    sha256: "
                + ApiKeys.hashOf("k")
                + "\n    roles: [checker]\n    tenant: acme\n");
    assertThatThrownBy(() -> ApiKeys.load(file))
        .hasMessage(file + ":5: key 'bot': unknown key `tenant`; did you mean `tenants`?");
  }

  @Test
  void everyMisspeltMemberIsNamedAtItsLineWithTheKnownOnes() throws Exception {
    Path file =
        write(
            "keyz: []\nkeys:\n  - id: bot\n    sha256: "
                + ApiKeys.hashOf("k")
                + "\n    rolls: [checker]\n  - id: ops\n    sha256: "
                + ApiKeys.hashOf("o")
                + "\n    scopes: [auditor]\n");
    assertThatThrownBy(() -> ApiKeys.load(file))
        .hasMessageContaining(file + ":1: unknown key `keyz`; did you mean `keys`?")
        .hasMessageContaining(file + ":5: key 'bot': unknown key `rolls`; did you mean `roles`?")
        .hasMessageContaining(
            file + ":8: key 'ops': unknown key `scopes`; known keys: id, roles, sha256, tenants");
  }

  @Test
  void aFileThatIsNotYamlIsReportedAtItsLine() throws Exception {
    Path file = write("keys:\n  - id: bot\n    sha256: [unclosed\n");
    assertThatThrownBy(() -> ApiKeys.load(file)).hasMessageStartingWith(file + ":");
  }
}
