package dev.parapet.api.policy;

import static dev.parapet.api.TestKeys.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** A change to the policy files is picked up without a call. */
@QuarkusTest
@TestProfile(CopiedPolicy.Watched.class)
class PolicyWatchTest {

  private static String version() {
    return given().get("/v1/policies").then().statusCode(200).extract().path("version");
  }

  @Test
  void aChangedLexiconIsReloadedByItself() throws Exception {
    String before = version();
    Files.writeString(
        CopiedPolicy.lexicons().resolve("profanity-en.txt"),
        "\nfrobnicate\n",
        java.nio.file.StandardOpenOption.APPEND);
    String after = before;
    for (int i = 0; i < 100 && after.equals(before); i++) {
      Thread.sleep(100);
      after = version();
    }
    assertThat(after).isNotEqualTo(before);
  }
}
