package dev.parapet.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.api.ProblemException;
import dev.parapet.api.auth.Role;
import dev.parapet.api.auth.TenantScope;
import dev.parapet.app.ParapetConfig;
import dev.parapet.app.PolicyRuntime;
import dev.parapet.check.CheckRequest;
import dev.parapet.check.CheckResult;
import dev.parapet.check.CheckService;
import dev.parapet.check.ConversationException;
import dev.parapet.check.ConversationLimits;
import dev.parapet.check.ConversationReader;
import dev.parapet.check.OverloadedException;
import dev.parapet.check.PolicyUnavailableException;
import dev.parapet.check.Scope;
import dev.parapet.check.UnknownProfileException;
import dev.parapet.model.Stage;
import dev.parapet.policy.Policy;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;

/**
 * Try it: check a text or a conversation as the API would (it is recorded, like any check) and see
 * the decision explained. Role: checker or policy-admin.
 */
@Path("/console/try")
@Produces(MediaType.TEXT_HTML)
public class TryPage {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Role[] ROLES = {Role.CHECKER, Role.POLICY_ADMIN};

  private final ConsoleGate gate;
  private final CheckService checks;
  private final PolicyRuntime policy;
  private final ParapetConfig.Limits limits;

  public TryPage(
      ConsoleGate gate, CheckService checks, PolicyRuntime policy, ParapetConfig config) {
    this.gate = gate;
    this.checks = checks;
    this.policy = policy;
    this.limits = config.limits();
  }

  @GET
  public TemplateInstance form(@Context HttpHeaders headers) {
    ConsoleSessions.Session session = gate.require(headers, ROLES);
    return Templates.tryIt(nav(session), TryForm.empty(), profiles(), null, null);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response check(
      @Context HttpHeaders headers,
      @Context UriInfo uri,
      @FormParam("csrf") String csrf,
      @FormParam("mode") String mode,
      @FormParam("text") String text,
      @FormParam("messages") String messages,
      @FormParam("profile") String profile,
      @FormParam("stage") String stage,
      @FormParam("tenant") String tenant,
      @FormParam("app") String app) {
    ConsoleSessions.Session session = gate.requireForm(headers, csrf, ROLES);
    TryForm form = new TryForm(mode, text, messages, profile, stage, tenant, app);
    int status = 200;
    String error = null;
    TryOutcome outcome = null;
    try {
      CheckRequest request = TenantScope.apply(session.caller(), request(form));
      CheckResult result = checks.check(request);
      Policy current = policy.current();
      outcome =
          TryOutcomes.of(
              request,
              result,
              current == null ? List.of() : tiersOf(current, result.decision().profile()),
              Curl.of(uri.getBaseUri().toString(), body(form)));
    } catch (ConsoleInputException e) {
      status = 400;
      error = e.getMessage();
    } catch (ConversationException e) {
      status = e.tooLarge() ? 413 : 400;
      error = e.getMessage();
    } catch (UnknownProfileException e) {
      status = 404;
      error = "No profile named '" + form.profile() + "'.";
    } catch (PolicyUnavailableException e) {
      status = 503;
      error = "No policy is loaded; see the Policy page for the last reload's problems.";
    } catch (OverloadedException e) {
      status = 429;
      error = "The service is busy; try again in a moment.";
    } catch (ProblemException e) {
      status = e.problem().status();
      error = e.problem().detail();
    }
    return Response.status(status)
        .entity(Templates.tryIt(nav(session), form, profiles(), outcome, error))
        .type(MediaType.TEXT_HTML_TYPE)
        .build();
  }

  private CheckRequest request(TryForm form) {
    Stage stage = Stage.fromWire(form.stage());
    String profile = form.profile().isEmpty() ? null : form.profile();
    Map<String, String> context = form.app().isEmpty() ? Map.of() : Map.of("app", form.app());
    if (!form.conversation()) {
      int length = form.text().codePointCount(0, form.text().length());
      if (form.text().isBlank()) {
        throw new ConsoleInputException("Enter a text to check.");
      }
      if (length > limits.maxTextLength()) {
        throw new ConsoleInputException(
            "The text has "
                + length
                + " code points; the limit is "
                + limits.maxTextLength()
                + ".");
      }
      return new CheckRequest(form.text(), stage, profile, form.tenant(), null, context, true);
    }
    JsonNode messages;
    try {
      messages = JSON.readTree(form.messages());
    } catch (java.io.IOException e) {
      throw new ConsoleInputException(
          "The conversation must be a JSON array of messages, such as"
              + " [{\"role\":\"user\",\"content\":\"Hello\"}].");
    }
    ConversationLimits bounds =
        new ConversationLimits(limits.maxMessages(), limits.maxToolCalls(), limits.maxTextLength());
    return CheckRequest.of(
        ConversationReader.read(messages, null, Scope.ALL, stage, bounds),
        stage,
        profile,
        form.tenant(),
        null,
        context,
        true);
  }

  /** The same request as a JSON body for {@code POST /v1/check}. */
  private static String body(TryForm form) {
    ObjectNode body = JSON.createObjectNode();
    if (form.conversation()) {
      try {
        body.set("messages", JSON.readTree(form.messages()));
      } catch (java.io.IOException e) {
        body.put("messages", form.messages());
      }
    } else {
      body.put("text", form.text());
    }
    body.put("stage", form.stage());
    if (!form.profile().isEmpty()) {
      body.put("profile", form.profile());
    }
    if (!form.tenant().isEmpty()) {
      body.put("tenant", form.tenant());
    }
    if (!form.app().isEmpty()) {
      body.putObject("context").put("app", form.app());
    }
    return body.toString();
  }

  private static List<String> tiersOf(Policy policy, String profile) {
    return policy.profile(profile).map(p -> p.tiers()).orElse(List.of());
  }

  private List<String> profiles() {
    Policy current = policy.current();
    return current == null ? List.of() : List.copyOf(current.profiles().keySet());
  }

  private Nav nav(ConsoleSessions.Session session) {
    return Nav.of(session, "try", gate.authEnabled());
  }
}
