package dev.parapet.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Lists the files of a policy directory as officers and Kubernetes lay them out. Symbolic links are
 * followed, because a mounted ConfigMap is a tree of links into a hidden timestamped directory;
 * entries whose name starts with a dot are skipped, so that directory (and {@code ..data}, editor
 * swap files, {@code .git}) is neither read twice nor part of the policy version.
 */
public final class PolicyFiles {

  private PolicyFiles() {}

  /** Every visible regular file under {@code root} whose name ends with {@code suffix}, sorted. */
  public static List<Path> under(Path root, String suffix) {
    List<Path> files = new ArrayList<>();
    walk(root, Integer.MAX_VALUE, files, null, suffix);
    return sorted(files);
  }

  /** The visible regular files directly in {@code dir} whose name ends with {@code suffix}. */
  public static List<Path> in(Path dir, String suffix) {
    List<Path> files = new ArrayList<>();
    walk(dir, 1, files, null, suffix);
    return sorted(files);
  }

  /** {@code root} and every visible directory under it, links followed. */
  public static List<Path> directories(Path root) {
    List<Path> dirs = new ArrayList<>();
    walk(root, Integer.MAX_VALUE, null, dirs, null);
    return sorted(dirs);
  }

  private static void walk(Path root, int depth, List<Path> files, List<Path> dirs, String suffix) {
    if (!Files.isDirectory(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          depth,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!dir.equals(root) && hidden(dir)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              if (dirs != null) {
                dirs.add(dir);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (files != null
                  && attrs.isRegularFile()
                  && !hidden(file)
                  && file.getFileName().toString().endsWith(suffix)) {
                files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean hidden(Path path) {
    return path.getFileName().toString().startsWith(".");
  }

  private static List<Path> sorted(List<Path> paths) {
    paths.sort(null);
    return List.copyOf(paths);
  }
}
