package dev.parapet.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An append-only file of signed chain heads, one JSON line each ({@code {"checkpoint":{…}}}, the
 * same line an export carries). Each append is forced to disk; a torn last line is skipped.
 */
public final class HeadFile {

  static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;

  public HeadFile(Path file) {
    this.file = file;
  }

  public Path path() {
    return file;
  }

  /** Appends a head and forces it to disk. */
  public synchronized void append(ChainHead head) throws IOException {
    if (file.getParent() != null) {
      DataFiles.createPrivateDirectories(file.getParent());
    }
    byte[] line = (line(head) + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel out =
        FileChannel.open(
            file,
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
            DataFiles.privateFile())) {
      ByteBuffer bytes = ByteBuffer.wrap(line);
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
      out.force(false);
    }
  }

  /** Every head the file holds, in the order written; none when it does not exist. */
  public List<ChainHead> read() throws IOException {
    List<ChainHead> heads = new ArrayList<>();
    if (!Files.exists(file)) {
      return heads;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      ChainHead head = parse(line);
      if (head != null) {
        heads.add(head);
      }
    }
    return heads;
  }

  /** The JSON line of a head: {@code {"checkpoint":{node, seq, hash, time, keyId, signature}}}. */
  public static String line(ChainHead head) {
    try {
      return JSON.writeValueAsString(Map.of("checkpoint", head));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a chain head", e);
    }
  }

  /** The head on a line, or null when the line holds none (a record, a torn line). */
  public static ChainHead parse(String line) {
    if (line.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(line).get("checkpoint");
      return node == null ? null : JSON.treeToValue(node, ChainHead.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return null;
    }
  }
}
