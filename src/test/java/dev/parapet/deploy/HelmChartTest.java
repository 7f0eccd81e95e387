package dev.parapet.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The chart lints, renders, and renders what an operator relies on. */
class HelmChartTest {

  private static final Path CHART = Path.of("helm/parapet");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static List<JsonNode> render(UnaryOperator<TemplateCommand> values) throws Exception {
    String out =
        values.apply(new Helm(CHART).template().withName("pp").withNamespace("guard")).call();
    List<JsonNode> docs = new ArrayList<>();
    try (YAMLParser parser = new YAMLFactory().createParser(out)) {
      for (JsonNode doc :
          (Iterable<JsonNode>)
              () -> {
                try {
                  return YAML.readValues(parser, JsonNode.class);
                } catch (java.io.IOException e) {
                  throw new IllegalStateException(e);
                }
              }) {
        if (doc != null && !doc.isEmpty()) {
          docs.add(doc);
        }
      }
    }
    return docs;
  }

  private static JsonNode kind(List<JsonNode> docs, String kind) {
    return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).findFirst().orElse(null);
  }

  private static JsonNode container(List<JsonNode> docs) {
    return kind(docs, "Deployment").at("/spec/template/spec/containers/0");
  }

  private static String env(JsonNode container, String name) {
    return StreamSupport.stream(container.path("env").spliterator(), false)
        .filter(e -> e.path("name").asText().equals(name))
        .map(e -> e.has("value") ? e.get("value").asText() : e.get("valueFrom").toString())
        .findFirst()
        .orElse(null);
  }

  @Test
  void lintsClean() {
    LintResult result = new Helm(CHART).lint().strict().call();
    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
  }

  @Test
  void defaultsRenderAHardenedDeploymentWithProbesAndTheSecret() throws Exception {
    List<JsonNode> docs = render(t -> t);
    JsonNode deployment = kind(docs, "Deployment");
    JsonNode c = container(docs);
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
    assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
    assertThat(c.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
    assertThat(c.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(c.at("/securityContext/capabilities/drop/0").asText()).isEqualTo("ALL");
    assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean())
        .isTrue();
    assertThat(env(c, "PARAPET_AUDIT_NODE")).contains("metadata.name");
    assertThat(env(c, "QUARKUS_DATASOURCE_JDBC_URL"))
        .isEqualTo("jdbc:postgresql://postgresql:5432/parapet");
    assertThat(env(c, "PARAPET_AUDIT_HMAC_KEY")).contains("pp-parapet-hmac");
    // helm template leaves hooks out; the key's Secret is an install-only hook kept on uninstall
    String hmacTemplate =
        java.nio.file.Files.readString(CHART.resolve("templates/secret-hmac.yaml"));
    assertThat(hmacTemplate)
        .contains("\"helm.sh/hook\": pre-install")
        .contains("\"helm.sh/resource-policy\": keep")
        .contains("randAlphaNum 48");
    assertThat(kind(docs, "Secret").at("/stringData/keys.yaml").asText()).contains("keys:");
    assertThat(deployment.at("/spec/template/metadata/annotations/checksum~1auth").asText())
        .hasSize(64);
    assertThat(kind(docs, "PodDisruptionBudget")).isNotNull();
    assertThat(kind(docs, "NetworkPolicy")).isNotNull();
    assertThat(kind(docs, "Service").at("/spec/ports/0/port").asInt()).isEqualTo(8080);
    assertThat(kind(docs, "HorizontalPodAutoscaler")).isNull();
    assertThat(kind(docs, "ServiceMonitor")).isNull();
  }

  @Test
  void aKeyBoundToTenantsRendersIntoAKeysFileTheServiceReads() throws Exception {
    String hash = "a".repeat(64);
    List<JsonNode> docs =
        render(
            t ->
                t.set("auth.keys[0].id", "acme-bot")
                    .set("auth.keys[0].sha256", hash)
                    .set("auth.keys[0].roles[0]", "checker")
                    .set("auth.keys[0].tenants[0]", "acme")
                    .set("auth.keys[1].id", "any-bot")
                    .set("auth.keys[1].sha256", "b".repeat(64))
                    .set("auth.keys[1].roles[0]", "checker"));
    String keys = kind(docs, "Secret").at("/stringData/keys.yaml").asText();
    java.nio.file.Path file = java.nio.file.Files.createTempFile("keys", ".yaml");
    java.nio.file.Files.writeString(file, keys);
    dev.parapet.api.auth.ApiKeys loaded = dev.parapet.api.auth.ApiKeys.load(file);
    assertThat(loaded.size()).isEqualTo(2);
    assertThat(keys).contains("tenants: [\"acme\"]");
    assertThat(keys.indexOf("tenants")).isEqualTo(keys.lastIndexOf("tenants"));
  }

  @Test
  void rulesAndLexiconsFromValuesAreMountedAsDirectoriesWithTheirTierPaths() throws Exception {
    List<JsonNode> docs =
        render(
            t ->
                t.set("policy.rules.files.baseline/content\\.drl", "package x;")
                    .set("policy.rules.files.industry/finance/promises\\.drl", "package y;")
                    .set("policy.lexicons.files.weapons-en\\.txt", "pipe bomb")
                    .set("auth.existingSecret", "my-keys")
                    .set("autoscaling.enabled", true)
                    .set("serviceMonitor.enabled", true));
    JsonNode c = container(docs);
    assertThat(env(c, "PARAPET_RULES_DIR")).isEqualTo("/etc/parapet/rules");
    assertThat(env(c, "PARAPET_LEXICONS_DIR")).isEqualTo("/etc/parapet/lexicons");
    JsonNode volumes = kind(docs, "Deployment").at("/spec/template/spec/volumes");
    JsonNode rules =
        StreamSupport.stream(volumes.spliterator(), false)
            .filter(v -> v.path("name").asText().equals("rules"))
            .findFirst()
            .orElseThrow();
    assertThat(rules.toString())
        .contains("\"path\":\"industry/finance/promises.drl\"")
        .contains("\"key\":\"industry__finance__promises.drl\"");
    assertThat(c.path("volumeMounts").toString()).doesNotContain("subPath");
    JsonNode configMap =
        docs.stream()
            .filter(d -> d.path("metadata").path("name").asText().equals("pp-parapet-rules"))
            .findFirst()
            .orElseThrow();
    assertThat(configMap.at("/data/baseline__content.drl").asText()).isEqualTo("package x;");
    assertThat(kind(docs, "Secret")).isNull();
    assertThat(env(c, "PARAPET_AUDIT_HMAC_KEY")).contains("my-keys");
    assertThat(kind(docs, "HorizontalPodAutoscaler")).isNotNull();
    assertThat(kind(docs, "Deployment").at("/spec/replicas").isMissingNode()).isTrue();
    assertThat(kind(docs, "ServiceMonitor").at("/spec/endpoints/0/path").asText())
        .isEqualTo("/q/metrics");
  }

  @Test
  void theSchemaRefusesBadValues() {
    assertThatThrownBy(() -> render(t -> t.set("replicaCount", "two")))
        .hasMessageContaining("replicaCount");
    assertThatThrownBy(() -> render(t -> t.set("audit.store", "mongodb")))
        .hasMessageContaining("store");
    assertThatThrownBy(() -> render(t -> t.set("nosuchvalue", 1)))
        .hasMessageContaining("nosuchvalue");
  }

  @Test
  void anEmbeddedStoreRefusesSeveralReplicas() {
    assertThatThrownBy(() -> render(t -> t.set("audit.store", "embedded")))
        .hasMessageContaining("audit.store=embedded");
  }
}
