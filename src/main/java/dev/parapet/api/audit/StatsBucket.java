package dev.parapet.api.audit;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The width of a time bucket in stats: a whole number and a unit, {@code 15m}, {@code 1h}. */
final class StatsBucket {

  private static final Pattern WIDTH = Pattern.compile("([1-9][0-9]{0,5})([smhd])");
  private static final Duration SMALLEST = Duration.ofMinutes(1);
  private static final Duration LARGEST = Duration.ofDays(366);

  private StatsBucket() {}

  /** The width asked for, {@code 1h} when absent; a 400 naming {@code bucket} when malformed. */
  static Duration parse(String value) {
    if (value == null || value.isBlank()) {
      return Duration.ofHours(1);
    }
    Matcher m = WIDTH.matcher(value.trim());
    if (!m.matches()) {
      throw AuditFilters.bad(
          "'bucket' must be a whole number and s, m, h or d, such as 15m, 1h or 1d");
    }
    long n = Long.parseLong(m.group(1));
    Duration width =
        switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
    if (width.compareTo(SMALLEST) < 0 || width.compareTo(LARGEST) > 0) {
      throw AuditFilters.bad("'bucket' must be between 1m and 366d");
    }
    return width;
  }

  /** The width in the largest unit that divides it: 60m reads 1h. */
  static String format(Duration width) {
    long s = width.toSeconds();
    if (s % 86_400 == 0) {
      return s / 86_400 + "d";
    }
    if (s % 3600 == 0) {
      return s / 3600 + "h";
    }
    return s % 60 == 0 ? s / 60 + "m" : s + "s";
  }
}
