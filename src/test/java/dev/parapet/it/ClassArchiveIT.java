package dev.parapet.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data-sharing archive the build makes with a training start: it exists, the JVM that
 * made it maps it (with {@code -Xshare:on} a start fails otherwise), and the classes a start loads
 * come from it. The training start itself runs its checks and exits cleanly.
 */
class ClassArchiveIT {

  private static final Path ARCHIVE = Path.of("target/quarkus-app/parapet.jsa");

  @Test
  void aTrainingStartMapsTheBuildsArchiveRunsItsChecksAndExits(@TempDir Path dir) throws Exception {
    // a JVM built without the JDK's base archive cannot make an application archive at all
    Process base = new ProcessBuilder("java", "-Xshare:on", "-version").start();
    base.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    base.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
    Assumptions.assumeTrue(base.waitFor() == 0, "this JVM has no base class-data-sharing archive");
    assertThat(ARCHIVE).exists();
    assertThat(Files.size(ARCHIVE)).isGreaterThan(10L << 20);
    Path classes = dir.resolve("classes.txt");
    Path log = dir.resolve("service.log");
    // "java" as the README runs it: the same one the build made the archive with
    Process training =
        new ProcessBuilder(
                List.of(
                    "java",
                    "-Xshare:on",
                    "-XX:SharedArchiveFile=" + ARCHIVE,
                    "-Xlog:class+load=info:file=" + classes,
                    "-Dparapet.class-archive-training=true",
                    "-Dparapet.data-dir=" + dir.resolve("data"),
                    "-Dquarkus.http.port=0",
                    "-jar",
                    "target/quarkus-app/quarkus-run.jar"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(training.waitFor(120, TimeUnit.SECONDS)).as("exits by itself").isTrue();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(training.exitValue()).as(output).isZero();
    assertThat(output).contains("class archive training: 8 checks run, 0 failed");
    // Drools' rule compiler, the heaviest part of a start, comes from the archive
    assertThat(Files.readAllLines(classes, StandardCharsets.UTF_8))
        .anyMatch(
            line ->
                line.contains("org.drools.compiler.builder.impl.KnowledgeBuilderImpl ")
                    && line.contains("shared objects file"));
  }
}
