package dev.parapet.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generated lexicons of pronounceable pseudo-words, and texts that mention some of them. */
final class SyntheticLexicon {

  private static final String[] SYLLABLES = {
    "ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zi", "bra", "cle", "dro", "fla", "gri", "plo",
    "stu", "tra", "qua", "xen", "yor"
  };

  private SyntheticLexicon() {}

  static List<String> terms(int count, long seed) {
    Random random = new Random(seed);
    List<String> terms = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder t = new StringBuilder();
      int syllables = 3 + random.nextInt(3);
      for (int s = 0; s < syllables; s++) {
        t.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
      }
      t.append(Integer.toString(i, 36).replaceAll("[0-9]", "x"));
      if (random.nextInt(5) == 0) {
        t.append(' ').append(SYLLABLES[random.nextInt(SYLLABLES.length)]).append("bo");
      }
      terms.add(t.toString());
    }
    return terms;
  }

  static Path write(List<String> terms) {
    try {
      Path dir = Files.createTempDirectory("parapet-bench-lexicon");
      Files.writeString(dir.resolve("synthetic.yaml"), "category: synthetic\nseverity: low\n");
      Files.write(dir.resolve("synthetic.txt"), terms, StandardCharsets.UTF_8);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** English-like prose with one lexicon term in about every hundred words. */
  static String text(List<String> terms, int size, long seed) {
    Random random = new Random(seed);
    String[] words = {"the", "report", "shows", "steady", "growth", "across", "teams", "and", "customers",
      "asked", "about", "delivery", "times", "invoice", "corrections", "quickly", "answered"};
    StringBuilder out = new StringBuilder(size + 64);
    while (out.length() < size) {
      if (random.nextInt(100) == 0) {
        out.append(terms.get(random.nextInt(terms.size())));
      } else {
        out.append(words[random.nextInt(words.length)]);
      }
      out.append(random.nextInt(12) == 0 ? ". " : " ");
    }
    return out.substring(0, size);
  }
}
