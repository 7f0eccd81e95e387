package dev.parapet.api.policy;

import dev.parapet.api.ErrorCode;
import dev.parapet.api.Problem;
import dev.parapet.api.ProblemException;
import dev.parapet.api.QueryParams;
import dev.parapet.app.PolicyRuntime;
import dev.parapet.detect.DetectorSet;
import dev.parapet.detect.LexiconSearch;
import dev.parapet.model.SourceProblem;
import dev.parapet.policy.Policy;
import dev.parapet.policy.PolicyException;
import dev.parapet.policy.PolicyHolder;
import dev.parapet.policy.PolicyTestRunner;
import dev.parapet.policy.Profile;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The compliance officers' API: what is loaded, reload it, search its lexicons. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

  private final PolicyRuntime runtime;

  public PolicyResource(PolicyRuntime runtime) {
    this.runtime = runtime;
  }

  /** The loaded policy as officers see it. */
  public record PolicyView(
      String version,
      String loadedAt,
      String defaultProfile,
      List<ProfileView> profiles,
      Map<String, List<String>> tiers,
      List<DetectorSet.LexiconSummary> lexicons,
      List<PolicyException> exceptions,
      PolicyHolder.ReloadOutcome lastReload,
      List<ShadowView> shadows,
      List<SourceProblem> warnings) {}

  /**
   * A shadow candidate: which profile it shadows, from which directory, its own version, and how
   * its own policy tests went when it was loaded.
   */
  public record ShadowView(
      String profile,
      String directory,
      String version,
      String loadedAt,
      int testCases,
      boolean testsPassed,
      List<SourceProblem> testFailures) {}

  /** A profile with its tiers, most authoritative first. */
  public record ProfileView(
      String name,
      List<String> tiers,
      String failMode,
      String textStorage,
      double injectionThreshold,
      Map<String, String> redaction) {}

  @GET
  @Path("/policies")
  @Operation(summary = "The loaded policy: version, profiles, tiers and rule ids, lexicons")
  public PolicyView policies() {
    Policy policy = runtime.current();
    if (policy == null) {
      throw new ProblemException(
          Problem.of(ErrorCode.NO_POLICY, "no policy is loaded; see lastReload for why")
              .withErrors(
                  runtime.lastReload() == null ? List.of() : runtime.lastReload().problems()));
    }
    List<ProfileView> profiles = new ArrayList<>();
    for (Profile p : policy.profiles().values()) {
      Map<String, String> redaction = new LinkedHashMap<>();
      redaction.put("default", p.defaultRedaction().wireName());
      p.redaction().forEach((type, method) -> redaction.put(type, method.wireName()));
      profiles.add(
          new ProfileView(
              p.name(),
              p.tiers(),
              p.failMode().wireName(),
              p.textStorage().wireName(),
              p.injectionThreshold(),
              redaction));
    }
    Map<String, List<String>> tiers = new LinkedHashMap<>();
    policy.tiers().forEach((name, tier) -> tiers.put(name, tier.ruleIds()));
    return new PolicyView(
        policy.version(),
        policy.loadedAt().toString(),
        policy.defaultProfile().name(),
        profiles,
        tiers,
        policy.detectorSet().lexicons(),
        policy.exceptions(),
        runtime.lastReload(),
        shadows(policy),
        policy.warnings());
  }

  private List<ShadowView> shadows(Policy policy) {
    List<ShadowView> out = new ArrayList<>();
    for (Map.Entry<String, Policy> shadow : new java.util.TreeMap<>(policy.shadows()).entrySet()) {
      Policy candidate = shadow.getValue();
      Optional<PolicyTestRunner.Report> tests = runtime.candidateTests(candidate.version());
      out.add(
          new ShadowView(
              shadow.getKey(),
              policy.profiles().get(shadow.getKey()).shadow(),
              candidate.version(),
              candidate.loadedAt().toString(),
              tests.map(PolicyTestRunner.Report::cases).orElse(0),
              tests.map(PolicyTestRunner.Report::passed).orElse(false),
              tests.map(PolicyTestRunner.Report::failures).orElse(List.of())));
    }
    return out;
  }

  @POST
  @Path("/policies/reload")
  @Operation(summary = "Compile, test and swap in the policy files; 422 keeps the old version")
  public Response reload() {
    PolicyHolder.ReloadOutcome outcome = runtime.reload();
    if (outcome.ok()) {
      return Response.ok(outcome).build();
    }
    Problem problem =
        Problem.of(
                ErrorCode.INVALID_POLICY,
                outcome.problems().size()
                    + " problem(s) in the policy files; still serving "
                    + (outcome.version() == null ? "nothing" : outcome.version()))
            .withErrors(outcome.problems());
    return Response.status(422).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  @GET
  @Path("/lexicons/{name: .+}/terms")
  @Operation(summary = "Search one lexicon by prefix and edit distance")
  public Map<String, Object> terms(
      @PathParam("name") String name,
      @QueryParam("q") String q,
      @QueryParam("limit") String limit) {
    Policy policy = runtime.current();
    if (policy == null) {
      throw new ProblemException(ErrorCode.NO_POLICY, "no policy is loaded");
    }
    if (q == null || q.isBlank()) {
      throw new ProblemException(
          ErrorCode.INVALID_REQUEST, "'q' is required: the term to look for");
    }
    int size = QueryParams.integer("limit", limit, 20, 1, 200);
    LexiconSearch search = policy.detectorSet().search();
    try {
      return Map.of("lexicon", name, "query", q, "terms", search.search(name, q, size));
    } catch (NoSuchElementException e) {
      throw new ProblemException(
          ErrorCode.NOT_FOUND, "no lexicon named '" + name + "'; GET /v1/policies lists them");
    }
  }
}
