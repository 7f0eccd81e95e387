package dev.parapet.detect.injection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.detect.DetectorInput;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.Stage;
import dev.parapet.model.Trust;
import dev.parapet.text.Normalizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores the planted-documents set the way a check would: a row of {@code mode: outside} as a tool
 * result (trust outside), one of {@code mode: user} as a user's text. Shared by {@code
 * PlantedInstructionQualityTest} and the {@code PlantedInstructionEval} bench tool.
 */
final class PlantedInstructionScores {

  record Row(
      String text,
      boolean attack,
      String mode,
      String genre,
      String lang,
      String subtype,
      String split,
      double score) {}

  private PlantedInstructionScores() {}

  static List<Row> score(String jsonl, InjectionDetector detector) throws IOException {
    Normalizer normalizer = new Normalizer();
    ObjectMapper json = new ObjectMapper();
    List<Row> rows = new ArrayList<>();
    for (String line : jsonl.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = json.readTree(line);
      String text = n.get("text").asText();
      String mode = n.get("mode").asText();
      CheckContext context =
          new CheckContext(
              Stage.INPUT,
              "default",
              "",
              Map.of(),
              text.codePointCount(0, text.length()),
              mode.equals("outside") ? Trust.OUTSIDE : Trust.USER);
      double score = 0;
      for (Finding f : detector.detect(new DetectorInput(normalizer.normalize(text), context))) {
        score = Math.max(score, f.score());
      }
      rows.add(
          new Row(
              text,
              n.get("label").asText().equals("injection"),
              mode,
              n.get("genre").asText(),
              n.get("lang").asText(),
              n.get("subtype").asText(),
              n.path("split").asText("tuned"),
              score));
    }
    return rows;
  }
}
