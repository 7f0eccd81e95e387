package dev.parapet.app.cds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Links every class the training start loaded from the application's jars, as its JVM's class-load
 * log ({@code -Xlog:class+load=info:file=…}) names them. The JVM writes only linked classes into a
 * class-data-sharing archive, and it links the classes of its own loaders at exit but not those of
 * Quarkus' class loader, which loads every jar of the application: without this step a third of
 * them (Lucene's index classes, H2's SQL, Jackson, ECJ's syntax tree) were loaded and verified
 * again on each start.
 */
final class LoadedClassLinker {

  private static final String LOADED = "[class,load] ";
  private static final String SOURCE = " source: ";

  /** How many classes were linked, and how many could not be (absent or broken optional code). */
  record Outcome(int linked, int failed) {}

  private final ClassLoader loader;

  LoadedClassLinker(ClassLoader loader) {
    this.loader = loader;
  }

  /**
   * Links the classes the log names. Only those: linking loads further classes (those named in
   * method signatures) that a start does not need, and the archive would only grow by them.
   */
  Outcome linkAll(Path classLog) throws IOException {
    int linked = 0;
    int failed = 0;
    List<String> names = loadedFromJars(Files.readAllLines(classLog, StandardCharsets.UTF_8));
    for (String name : new LinkedHashSet<>(names)) {
      if (link(name)) {
        linked++;
      } else {
        failed++;
      }
    }
    return new Outcome(linked, failed);
  }

  /**
   * The classes a log names as loaded from a jar: not those already mapped from an archive, not the
   * JDK's own ({@code jrt:}) and not those generated at run time, which have no name to load by.
   */
  static List<String> loadedFromJars(List<String> logLines) {
    List<String> names = new ArrayList<>();
    for (String line : logLines) {
      int at = line.indexOf(LOADED);
      // with decorators ("[0.31s][info][class,load] a.B source: …") or without ("a.B source: …")
      int name = at >= 0 ? at + LOADED.length() : line.startsWith("[") ? -1 : 0;
      int source = line.indexOf(SOURCE);
      if (name < 0 || source <= name) {
        continue;
      }
      String from = line.substring(source + SOURCE.length());
      if (from.startsWith("file:") || from.startsWith("jar:")) {
        names.add(line.substring(name, source));
      }
    }
    return names;
  }

  private boolean link(String name) {
    try {
      // asking for a class's methods makes HotSpot link it (verify, prepare) without running any
      // of its static initializers
      Class.forName(name, false, loader).getDeclaredMethods();
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
