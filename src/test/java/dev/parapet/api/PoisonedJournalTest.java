package dev.parapet.api;

import static dev.parapet.api.TestKeys.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.parapet.app.AuditRuntime;
import dev.parapet.audit.PoisonedJournal;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's critical defect: a journaled record the store refuses (a request id longer than its
 * column) jammed the store for good and failed every later start. The service starts on such a
 * journal, quarantines the record, reports it, and goes on recording.
 */
@QuarkusTest
@TestProfile(HardenedProfile.class)
class PoisonedJournalTest {

  @Inject AuditRuntime audit;

  @ConfigProperty(name = "parapet.data-dir")
  String dataDir;

  private Path quarantined() {
    return Path.of(dataDir)
        .resolve("audit-quarantine")
        .resolve(HardenedProfile.NODE + "-00000000000000000002.json");
  }

  @Test
  void theRefusedRecordIsQuarantinedInTheDataDirectory() throws Exception {
    assertThat(quarantined()).exists();
    assertThat(Files.readString(quarantined())).contains(PoisonedJournal.POISONED_REQUEST_ID);
    assertThat(audit.log().quarantined()).isEqualTo(1);
  }

  @Test
  void theServiceKeepsRecordingAfterTheQuarantinedRecord() {
    String auditId =
        given()
            .contentType(ContentType.JSON)
            .body("{\"text\":\"hi\",\"requestId\":\"after-the-poison\"}")
            .post("/v1/check")
            .then()
            .statusCode(200)
            .extract()
            .path("auditId");
    given()
        .get("/v1/audit/decisions/" + auditId)
        .then()
        .statusCode(200)
        .body("node", equalTo(HardenedProfile.NODE))
        .body("requestId", equalTo("after-the-poison"));
    assertThat(audit.log().flush(Duration.ofSeconds(5))).isTrue();
    assertThat(audit.log().backlog()).isZero();
    // the records on either side of the quarantined one reached the store
    given()
        .get("/v1/audit/decisions?from=2026-11-01T00:00:00Z&to=2026-11-01T00:00:10Z")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(2));
  }

  @Test
  void aHealthCheckIsDownWhileTheQuarantineHoldsARecord() {
    RestAssured.given()
        .get("/q/health/well")
        .then()
        .statusCode(503)
        .body("checks.name", hasItem("audit-quarantine"))
        .body("checks.find { it.name == 'audit-quarantine' }.status", equalTo("DOWN"))
        .body("checks.find { it.name == 'audit-quarantine' }.data.quarantined", equalTo(1));
    // readiness stays up: the service records, one bad record is no outage
    RestAssured.given().get("/q/health/ready").then().statusCode(200);
  }

  @Test
  void aMetricCountsTheQuarantinedRecords() {
    given().contentType(ContentType.JSON).body("{\"text\":\"hi\"}").post("/v1/check");
    RestAssured.given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("parapet_audit_quarantined 1.0"));
  }

  @Test
  void dataFilesAreReadableByTheServiceAlone() throws Exception {
    Path data = Path.of(dataDir);
    for (Path file :
        new Path[] {data.resolve("audit-hmac.key"), data.resolve("audit.mv.db"), quarantined()}) {
      assertThat(Files.getPosixFilePermissions(file))
          .as(file.toString())
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
    assertThat(Files.getPosixFilePermissions(data.resolve("audit-quarantine")))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
  }
}
