package dev.parapet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.check.CheckRequest;
import dev.parapet.check.CheckService;
import dev.parapet.check.ConversationLimits;
import dev.parapet.check.ConversationReader;
import dev.parapet.check.PolicyTests;
import dev.parapet.check.Scope;
import dev.parapet.model.Stage;
import dev.parapet.policy.Policy;
import dev.parapet.policy.PolicyLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;

import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A 20-message conversation of 8 KB (system prompt, user and assistant turns, two tool calls with
 * JSON arguments and their results) read into located texts and checked in-process against the
 * starter policy, audit off. Run: {@code mvn -Pbench test-compile exec:exec
 * -Djmh.args=ConversationBenchmark}.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-Dlogging.initial-configurator.min-level=INFO"})
public class ConversationBenchmark {

  static final int MESSAGES = 20;
  static final int TOTAL_CHARS = 8 * 1024;

  @Param({"benign", "mixed"})
  public String kind;

  private CheckService service;
  private JsonNode messages;

  @Setup
  public void setUp() {
    Policy policy = PolicyLoader.load(Path.of("rules"), Path.of("lexicons"));
    service = PolicyTests.offline(policy, Executors.newSingleThreadExecutor());
    messages = conversation(kind);
  }

  /** Twenty messages whose strings add up to 8 KB. */
  static JsonNode conversation(String kind) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ArrayNode out = json.arrayNode();
    int each = TOTAL_CHARS / MESSAGES;
    out.add(json.objectNode().put("role", "system").put("content", Texts.of("benign", each)));
    for (int i = 1; i < MESSAGES; i++) {
      ObjectNode m = out.addObject();
      if (i % 6 == 2) {
        ObjectNode call = m.put("role", "assistant").putArray("tool_calls").addObject();
        String text = Texts.of(kind, each - 40);
        call.put("id", "call_" + i).put("type", "function");
        call.putObject("function")
            .put("name", "send_email")
            .put(
                "arguments",
                json.objectNode()
                    .put("to", "ops@acme.example")
                    .put("subject", "report")
                    .put("body", text)
                    .toString());
      } else if (i % 6 == 3) {
        m.put("role", "tool").put("tool_call_id", "call_" + (i - 1));
        m.put("content", Texts.of("benign", each));
      } else {
        m.put("role", i % 2 == 1 ? "user" : "assistant").put("content", Texts.of(kind, each));
      }
    }
    return out;
  }

  @Benchmark
  public Object check() {
    return service.evaluate(
        CheckRequest.of(
            ConversationReader.read(
                messages, null, Scope.ALL, Stage.INPUT, ConversationLimits.DEFAULT),
            Stage.INPUT,
            "default",
            "acme",
            "bench",
            Map.of(),
            false));
  }
}
