package dev.parapet.model;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Identifiers for decisions and requests: UUID version 7 (RFC 9562), still a plain UUID on the
 * wire, but ordered by time, so each audit insert extends the indexes instead of splitting a random
 * page.
 */
public final class TimeOrderedId {

  private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

  private TimeOrderedId() {}

  public static String next() {
    return GENERATOR.generate().toString();
  }
}
