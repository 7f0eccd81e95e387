package dev.parapet.api;

import dev.parapet.app.ParapetConfig;
import dev.parapet.check.CheckService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /v1/check}: allow, redact or block one prompt or answer. */
@Path("/v1/check")
public class CheckResource {

  private final CheckService checks;
  private final CheckRequestParser parser;

  public CheckResource(CheckService checks, ParapetConfig config) {
    this.checks = checks;
    this.parser = new CheckRequestParser(config.limits());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Check a prompt or a model answer",
      description =
          "Answers allow, redact (with the redacted text) or block, with the findings, the rules"
              + " that decided, the policy version and the audit id.")
  public CheckResponse check(byte[] body, @QueryParam("explain") boolean explain) {
    return CheckResponse.of(checks.check(parser.parse(body, explain)));
  }
}
