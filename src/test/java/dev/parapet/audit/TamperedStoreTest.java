package dev.parapet.audit;

import static dev.parapet.api.TestKeys.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.parapet.app.AuditRuntime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The attacks on a running service's own store, seen through {@code /v1/audit/verify}: a
 * record forged and the chain rehashed after it, then the newest records deleted.
 */
@QuarkusTest
@TestProfile(TamperedStoreTest.OwnStore.class)
class TamperedStoreTest {

  /** A store of its own (the attacks would spoil every other test's chain), a head per record. */
  public static class OwnStore implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      try {
        Path data = Files.createTempDirectory(Path.of("target"), "tampered-store");
        return Map.of("parapet.data-dir", data.toString(), "parapet.audit.checkpoint-every", "1");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Inject AuditRuntime audit;

  private static void check(String text) {
    given()
        .contentType(ContentType.JSON)
        .body("{\"text\":\"" + text + "\",\"tenant\":\"acme\"}")
        .post("/v1/check")
        .then()
        .statusCode(200);
  }

  private static void exec(DataSource ds, String sql, Object... params) throws Exception {
    try (Connection c = ds.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      s.executeUpdate();
    }
  }

  @Test
  void forgingWithRehashingAndTruncatingAreBothReported() throws Exception {
    check("this shit is broken"); // redact
    for (int i = 0; i < 5; i++) {
      check("hello " + i);
    }
    String node = audit.log().node();
    DataSource ds = audit.store().dataSource();
    given().get("/v1/audit/verify").then().statusCode(200).body("ok", equalTo(true));
    given()
        .get("/v1/audit/keys")
        .then()
        .statusCode(200)
        .body("current", startsWith("ed25519:"))
        .body("keys[0].publicKey", containsString("BEGIN PUBLIC KEY"));
    // wait until the newest record's head is signed (signing runs on its own thread)
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (new HeadStore(ds).all().stream().noneMatch(h -> h.seq() >= 6)) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(20);
    }

    List<AuditRecord> chain = new ArrayList<>();
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT body FROM audit_record WHERE node = ? ORDER BY seq")) {
      s.setString(1, node);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          chain.add(Canonical.parse(rs.getString(1)));
        }
      }
    }
    String prev = null;
    for (AuditRecord r : chain) {
      AuditRecord changed = r;
      if (r.decision().equals("redact")) {
        // the decision alone: the forger leaves the rule actions, and so the tags, as they were
        changed =
            Canonical.parse(
                Canonical.json(r).replace("\"decision\":\"redact\"", "\"decision\":\"allow\""));
      } else if (prev == null) {
        prev = r.hash();
        continue;
      }
      SealedRecord sealed =
          SealedRecord.seal(changed, node, r.seq(), prev == null ? r.prevHash() : prev);
      exec(
          ds,
          "UPDATE audit_record SET body = ?, hash = ?, prev_hash = ?, decision = ?"
              + " WHERE node = ? AND seq = ?",
          sealed.json(),
          sealed.record().hash(),
          sealed.record().prevHash(),
          sealed.record().decision(),
          node,
          r.seq());
      prev = sealed.record().hash();
    }
    given()
        .get("/v1/audit/verify")
        .then()
        .statusCode(200)
        .body("ok", equalTo(false))
        .body("reason", containsString("rewritten"));

    long last = chain.get(chain.size() - 1).seq();
    exec(ds, "DELETE FROM audit_record WHERE node = ? AND seq >= ?", node, last - 1);
    given()
        .queryParam("limit", 1)
        .get("/v1/audit/verify")
        .then()
        .statusCode(200)
        .body("ok", equalTo(false))
        .body("problems.size()", equalTo(1));
    given()
        .get("/v1/audit/verify")
        .then()
        .statusCode(200)
        .body("problems.reason", org.hamcrest.Matchers.hasItem(containsString("truncated")));
  }
}
