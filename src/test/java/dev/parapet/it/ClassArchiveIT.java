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
 * come from it, nine in ten of the application's at least. The training start itself runs its
 * checks, talks to its own HTTP server and exits cleanly.
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
                    "-Dquarkus.http.port=" + freePort(),
                    "-Dquarkus.http.host=127.0.0.1",
                    "-jar",
                    "target/quarkus-app/quarkus-run.jar"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(training.waitFor(120, TimeUnit.SECONDS)).as("exits by itself").isTrue();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(training.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("class archive training: 8 checks run, 0 failed")
        .contains("readiness answered 200, a check without a key 401");
    List<String> loaded = Files.readAllLines(classes, StandardCharsets.UTF_8);
    // Drools' rule compiler, the heaviest part of a start, comes from the archive
    assertThat(loaded)
        .anyMatch(
            line ->
                line.contains("org.drools.compiler.builder.impl.KnowledgeBuilderImpl ")
                    && line.contains("shared objects file"));
    // and so does nearly every other class of the application's jars, including those of
    // Quarkus' own class loader, which the JVM archives only if the training linked them (about
    // three in four came from the archive before the training did)
    long fromJars = loaded.stream().filter(ClassArchiveIT::applicationClass).count();
    long mapped =
        loaded.stream()
            .filter(ClassArchiveIT::applicationClass)
            .filter(line -> line.contains("source: shared objects file"))
            .count();
    assertThat(fromJars).isGreaterThan(5_000);
    assertThat((double) mapped / fromJars)
        .as("%d of %d mapped", mapped, fromJars)
        .isGreaterThan(0.9);
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A class of the application or a library it loads by name, not the JDK's or a generated one. */
  private static boolean applicationClass(String line) {
    int at = line.indexOf("[class,load] ");
    int source = line.indexOf(" source: ");
    if (at < 0 || source < at) {
      return false;
    }
    String name = line.substring(at + "[class,load] ".length(), source);
    String from = line.substring(source + " source: ".length());
    boolean jdk =
        name.startsWith("java.")
            || name.startsWith("javax.")
            || name.startsWith("jdk.")
            || name.startsWith("sun.")
            || name.startsWith("com.sun.");
    return !jdk
        && (from.startsWith("shared objects file")
            || from.startsWith("file:")
            || from.startsWith("jar:"));
  }
}
