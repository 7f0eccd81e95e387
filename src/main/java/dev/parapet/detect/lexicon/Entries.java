package dev.parapet.detect.lexicon;

import dev.parapet.model.Severity;
import dev.parapet.text.StretchedLetters;
import dev.parapet.text.Via;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Every term of every lexicon as compact parallel arrays, indexed by entry number: what a match on
 * the term reports, and the run lengths its letters must show.
 */
final class Entries {

  private static final Severity[] SEVERITIES = Severity.values();

  int size;
  int[] lexicon = new int[1024];
  int[] category = new int[1024];
  byte[] severity = new byte[1024];
  boolean[] inForce = new boolean[1024];

  /**
   * The {@link Via} bits the term's own spelling carries (a term listed in traditional characters,
   * or with accents): a match is not disguised by what its term has too.
   */
  short[] termVia = new short[1024];

  int[] runsOffset = new int[1025];
  byte[] runs = new byte[4096];

  /** Entries that carry an end date, and that date as an epoch day: few, so kept apart. */
  int expiringCount;

  int[] expiring = new int[16];
  int[] expiresOn = new int[16];

  int add(
      int lexiconId,
      int categoryId,
      Severity level,
      boolean active,
      byte[] termRuns,
      int count,
      int spelling) {
    if (size == lexicon.length) {
      int grown = size * 2;
      lexicon = Arrays.copyOf(lexicon, grown);
      category = Arrays.copyOf(category, grown);
      severity = Arrays.copyOf(severity, grown);
      inForce = Arrays.copyOf(inForce, grown);
      termVia = Arrays.copyOf(termVia, grown);
      runsOffset = Arrays.copyOf(runsOffset, grown + 1);
    }
    int at = runsOffset[size];
    if (at + count > runs.length) {
      runs = Arrays.copyOf(runs, Math.max(runs.length * 2, at + count));
    }
    System.arraycopy(termRuns, 0, runs, at, count);
    lexicon[size] = lexiconId;
    category[size] = categoryId;
    severity[size] = (byte) level.ordinal();
    inForce[size] = active;
    termVia[size] = (short) spelling;
    runsOffset[size + 1] = at + count;
    return size++;
  }

  /** Records that {@code entry} is in force up to and including {@code day}. */
  void expires(int entry, LocalDate day) {
    if (expiringCount == expiring.length) {
      expiring = Arrays.copyOf(expiring, expiringCount * 2);
      expiresOn = Arrays.copyOf(expiresOn, expiringCount * 2);
    }
    expiring[expiringCount] = entry;
    expiresOn[expiringCount++] = Math.toIntExact(day.toEpochDay());
  }

  /** Sets which entries are in force on {@code today}, from their end dates. */
  void inForceOn(LocalDate today) {
    inForce = new boolean[lexicon.length];
    Arrays.fill(inForce, true);
    long day = today.toEpochDay();
    for (int i = 0; i < expiringCount; i++) {
      inForce[expiring[i]] = day <= expiresOn[i];
    }
  }

  Severity severity(int entry) {
    return SEVERITIES[severity[entry]];
  }

  /**
   * Whether the text's run lengths fit the term's, letter by letter: -1 when they do not, else the
   * {@link Via} bits of how ({@link Via#STRETCH}, {@link Via#DOUBLING}), 0 when exactly.
   */
  int runsMatch(int entry, int[] textRuns, int count) {
    int from = runsOffset[entry];
    if (runsOffset[entry + 1] - from != count) {
      return -1;
    }
    int via = 0;
    boolean strict = true;
    boolean doubled = true;
    // a term that doubles a letter itself ("asses") is not read into a word that doubles one more
    // ("assess"): ordinary words double letters too. The term's own spelling records it.
    boolean termDoubles = (termVia[entry] & Via.DOUBLING) != 0;
    for (int i = 0; i < count; i++) {
      int text = textRuns[i];
      int term = runs[from + i];
      doubled &= text == 2 * term;
      if (text == term) {
        continue;
      }
      if (StretchedLetters.runMatches(text, term)) {
        via |= Via.STRETCH;
      } else if (!termDoubles && StretchedLetters.doubledMatches(text, term, count)) {
        via |= Via.DOUBLING;
        strict = false;
      } else {
        strict = false;
        via = -1;
      }
    }
    if (doubled) {
      return Via.DOUBLING; // every letter doubled: "iiddiioott", "aassss"
    }
    return strict || via > 0 ? via : -1;
  }

  /** The most letter runs any term has: its length with repeated letters counted once. */
  int maxRuns() {
    int most = 0;
    for (int i = 0; i < size; i++) {
      most = Math.max(most, runsOffset[i + 1] - runsOffset[i]);
    }
    return most;
  }

  int termVia(int entry) {
    return termVia[entry];
  }
}
