package dev.parapet.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Reads an officer's YAML (or JSON) file keeping the line of every key, so that each reader can
 * reject a key it does not know as {@code file:line: unknown key `tennant`; did you mean
 * `tenant`?}. A misspelt key is otherwise silently ignored, and a test or setting meant to hold
 * asserts or configures nothing.
 */
public final class StrictYaml {

  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

  /** Marks, among a map's key lines, the line where a key is given a second time. */
  private static final String DUPLICATE = "\0duplicate:";

  private final String file;
  private final JsonNode root;

  /** Per map node, by identity: the line of each of its keys. */
  private final Map<JsonNode, Map<String, Integer>> keyLines;

  /** Per map or list node, by identity: the line where it starts. */
  private final Map<JsonNode, Integer> nodeLines;

  private StrictYaml(
      String file,
      JsonNode root,
      Map<JsonNode, Map<String, Integer>> keyLines,
      Map<JsonNode, Integer> nodeLines) {
    this.file = file;
    this.root = root;
    this.keyLines = keyLines;
    this.nodeLines = nodeLines;
  }

  /**
   * Parses {@code text}; on a syntax error adds it to {@code problems} and returns null. A key
   * given twice in one map is a problem too, since only one of the two would count.
   *
   * @param file the name problems are reported under
   */
  public static StrictYaml parse(String file, String text, List<SourceProblem> problems) {
    Map<JsonNode, Map<String, Integer>> keyLines = new IdentityHashMap<>();
    Map<JsonNode, Integer> nodeLines = new IdentityHashMap<>();
    try (JsonParser parser = YAML.createParser(text)) {
      JsonNode root = parser.nextToken() == null ? null : read(parser, keyLines, nodeLines);
      StrictYaml doc = new StrictYaml(file, root, keyLines, nodeLines);
      doc.duplicates(problems);
      return doc;
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      problems.add(new SourceProblem(file, line, "not valid YAML: " + e.getOriginalMessage()));
      return null;
    } catch (IOException e) {
      problems.add(new SourceProblem(file, 0, "cannot read: " + e.getMessage()));
      return null;
    }
  }

  /** The document's root, or null when it is empty. */
  public JsonNode root() {
    return root;
  }

  public String file() {
    return file;
  }

  /** The line where a map or list starts, or 1 when unknown. */
  public int line(JsonNode node) {
    return nodeLines.getOrDefault(node, 1);
  }

  /** The line of {@code key} in map {@code node}, else the map's own line. */
  public int line(JsonNode node, String key) {
    Map<String, Integer> lines = keyLines.get(node);
    Integer line = lines == null ? null : lines.get(key);
    return line == null ? line(node) : line;
  }

  /**
   * Adds a problem for each key of map {@code node} that is not in {@code known}, at the key's
   * line, with the nearest known key when one is close.
   *
   * @param where what the map is, such as {@code case 'x': }, prefixed to the message; may be empty
   * @return whether every key was known
   */
  public boolean checkKeys(
      JsonNode node, Collection<String> known, String where, List<SourceProblem> problems) {
    if (node == null || !node.isObject()) {
      return true;
    }
    boolean ok = true;
    for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!known.contains(key)) {
        problems.add(new SourceProblem(file, line(node, key), where + unknownKey(key, known)));
        ok = false;
      }
    }
    return ok;
  }

  /** {@code unknown key `tennant`; did you mean `tenant`?}, or the known keys when none is near. */
  public static String unknownKey(String key, Collection<String> known) {
    String nearest = nearest(key, known);
    if (nearest != null) {
      return "unknown key `" + key + "`; did you mean `" + nearest + "`?";
    }
    return "unknown key `" + key + "`; known keys: " + String.join(", ", new TreeSet<>(known));
  }

  /**
   * The known word nearest to {@code word}, when a typo could explain the difference; else null.
   */
  public static String nearest(String word, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    // one edit in a short word, up to three in a long one
    int allowed = Math.max(1, Math.min(3, word.length() / 3));
    for (String candidate : new TreeSet<>(known)) {
      int d = DISTANCE.apply(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d >= 0 && d <= allowed && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  private void duplicates(List<SourceProblem> problems) {
    // recorded while reading: a repeated key's second line is kept under a marker
    for (Map.Entry<JsonNode, Map<String, Integer>> e : keyLines.entrySet()) {
      for (Map.Entry<String, Integer> key : e.getValue().entrySet()) {
        if (key.getKey().startsWith(DUPLICATE)) {
          problems.add(
              new SourceProblem(
                  file,
                  key.getValue(),
                  "key `"
                      + key.getKey().substring(DUPLICATE.length())
                      + "` is given twice; only one can count"));
        }
      }
    }
  }

  private static JsonNode read(
      JsonParser p, Map<JsonNode, Map<String, Integer>> keyLines, Map<JsonNode, Integer> nodeLines)
      throws IOException {
    JsonToken token = p.currentToken();
    int line = p.currentTokenLocation().getLineNr();
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        Map<String, Integer> lines = new HashMap<>();
        nodeLines.put(object, line);
        keyLines.put(object, lines);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          int keyLine = p.currentTokenLocation().getLineNr();
          if (lines.containsKey(key)) {
            lines.put(DUPLICATE + key, keyLine);
          } else {
            lines.put(key, keyLine);
          }
          p.nextToken();
          object.set(key, read(p, keyLines, nodeLines));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        nodeLines.put(array, line);
        while (p.nextToken() != JsonToken.END_ARRAY) {
          array.add(read(p, keyLines, nodeLines));
        }
        return array;
      }
      case VALUE_STRING -> {
        return NODES.textNode(p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return switch (p.getNumberType()) {
          case INT -> NODES.numberNode(p.getIntValue());
          case LONG -> NODES.numberNode(p.getLongValue());
          default -> NODES.numberNode(p.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(p.getDoubleValue());
      }
      case VALUE_TRUE -> {
        return NODES.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return NODES.booleanNode(false);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> {
        return NODES.textNode(p.getText());
      }
    }
  }
}
