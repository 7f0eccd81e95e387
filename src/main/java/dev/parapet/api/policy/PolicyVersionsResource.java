package dev.parapet.api.policy;

import dev.parapet.api.ErrorCode;
import dev.parapet.api.ProblemException;
import dev.parapet.app.PolicyRuntime;
import dev.parapet.policy.Policy;
import dev.parapet.policy.PolicyVersions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The policy version registry (roles policy-admin and auditor): every version ever served, with its
 * files, so an audit record's {@code policyVersion} can be opened and read.
 */
@Path("/v1/policies/versions")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyVersionsResource {

  private final PolicyRuntime runtime;

  public PolicyVersionsResource(PolicyRuntime runtime) {
    this.runtime = runtime;
  }

  /** A version in the list, without its files. */
  public record VersionSummary(
      String version,
      List<String> kinds,
      List<String> shadowOf,
      Map<String, String> shadows,
      boolean serving,
      String firstServed,
      String lastServed,
      Map<String, PolicyVersions.Served> served,
      int files) {}

  /** One version with its files. */
  public record VersionView(
      String version,
      List<String> kinds,
      List<String> shadowOf,
      Map<String, String> shadows,
      boolean serving,
      String firstServed,
      String lastServed,
      Map<String, PolicyVersions.Served> served,
      List<PolicyVersions.StoredFile> files) {}

  @GET
  @Operation(
      summary = "Every policy version served, newest first, with when each instance served it")
  public Map<String, Object> list() {
    try {
      List<VersionSummary> items =
          runtime.versions().list().stream()
              .map(
                  v ->
                      new VersionSummary(
                          v.version(),
                          v.kinds(),
                          v.shadowOf(),
                          v.shadows(),
                          serving(v.version()),
                          v.firstServed(),
                          v.lastServed(),
                          v.served(),
                          v.files().size()))
              .toList();
      return Map.of("items", items);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  @GET
  @Path("/{version}")
  @Operation(summary = "One policy version (sha256:<hex>, as audit records name it) and its files")
  public VersionView version(@PathParam("version") String version) {
    PolicyVersions.Version v = find(version);
    return new VersionView(
        v.version(),
        v.kinds(),
        v.shadowOf(),
        v.shadows(),
        serving(v.version()),
        v.firstServed(),
        v.lastServed(),
        v.served(),
        v.files());
  }

  @GET
  @Path("/{version}/files/{path: .+}")
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(summary = "One file of a policy version, as it was when that version was served")
  public Response file(@PathParam("version") String version, @PathParam("path") String path) {
    find(version);
    try {
      byte[] content =
          runtime
              .versions()
              .content(version, path)
              .orElseThrow(
                  () ->
                      new ProblemException(
                          ErrorCode.NOT_FOUND,
                          "the version has no stored file '"
                              + path
                              + "'; GET /v1/policies/versions/"
                              + version
                              + " lists its files"));
      return Response.ok(content, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  private PolicyVersions.Version find(String version) {
    try {
      return runtime
          .versions()
          .find(version)
          .orElseThrow(
              () ->
                  new ProblemException(
                      ErrorCode.NOT_FOUND,
                      "no policy version '"
                          + version
                          + "' was served here; GET /v1/policies/versions lists them"));
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  private boolean serving(String version) {
    Policy current = runtime.current();
    return current != null
        && (current.version().equals(version)
            || current.shadows().values().stream().anyMatch(s -> s.version().equals(version)));
  }

  private static ProblemException unreadable(IOException e) {
    return new ProblemException(
        ErrorCode.INTERNAL, "the policy version registry cannot be read: " + e.getMessage());
  }
}
