package dev.parapet.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;

/** What the integration tests ask of the auditors' API. */
final class AuditClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ServiceProcess service;
  private final HttpClient client = HttpClient.newHttpClient();

  AuditClient(ServiceProcess service) {
    this.service = service;
  }

  private String get(String path) throws Exception {
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(service.uri(path))
                .header("X-API-Key", ServiceProcess.KEY)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  long records() throws Exception {
    long total = 0;
    for (JsonNode n : JSON.readTree(get("/v1/audit/stats?by=decision")).path("counts")) {
      total += n.asLong();
    }
    return total;
  }

  Set<String> auditIds() throws Exception {
    Set<String> ids = new HashSet<>();
    for (String line : get("/v1/audit/export?format=jsonl").split("\n")) {
      JsonNode node = line.isBlank() ? null : JSON.readTree(line);
      if (node != null && node.has("auditId")) { // not the header, not a checkpoint
        ids.add(node.path("auditId").asText());
      }
    }
    return ids;
  }

  /** The chain nodes that wrote the records. */
  Set<String> nodes() throws Exception {
    Set<String> nodes = new HashSet<>();
    for (String line : get("/v1/audit/export?format=jsonl").split("\n")) {
      JsonNode node = line.isBlank() ? null : JSON.readTree(line);
      if (node != null && node.has("auditId")) {
        nodes.add(node.path("node").asText());
      }
    }
    return nodes;
  }

  JsonNode verify() throws Exception {
    return JSON.readTree(get("/v1/audit/verify"));
  }
}
