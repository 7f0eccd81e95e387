package dev.parapet.api.policy;

import dev.parapet.api.ErrorCode;
import dev.parapet.api.Problem;
import dev.parapet.api.ProblemException;
import dev.parapet.check.CheckService;
import dev.parapet.check.Evaluation;
import dev.parapet.check.LabelledCase;
import dev.parapet.model.SourceProblem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /v1/evaluate}: measure the loaded policy on a labelled JSONL set. */
@Path("/v1/evaluate")
public class EvaluateResource {

  static final int MAX_CASES = 10_000;

  private final CheckService checks;

  public EvaluateResource(CheckService checks) {
    this.checks = checks;
  }

  @POST
  @Consumes({"application/x-ndjson", "application/jsonl", MediaType.TEXT_PLAIN})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Confusion matrix, precision and recall, rule hits and misses for a labelled set")
  public Evaluation.Report evaluate(byte[] body) {
    List<SourceProblem> problems = new ArrayList<>();
    List<LabelledCase> cases = Evaluation.parse(new String(body, StandardCharsets.UTF_8), problems);
    if (!problems.isEmpty()) {
      throw new ProblemException(
          Problem.of(ErrorCode.INVALID_REQUEST, problems.size() + " line(s) could not be read")
              .withErrors(problems));
    }
    if (cases.isEmpty() || cases.size() > MAX_CASES) {
      throw new ProblemException(
          ErrorCode.INVALID_REQUEST, "send between 1 and " + MAX_CASES + " labelled lines");
    }
    return Evaluation.run(checks, cases);
  }
}
