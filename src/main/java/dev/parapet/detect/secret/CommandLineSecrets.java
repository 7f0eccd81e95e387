package dev.parapet.detect.secret;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passwords given on a command line, where the flag rather than a name says what the value is:
 * {@code sshpass -p …}, {@code mysql -p…} (the password glued to the flag, as MySQL and MariaDB
 * clients want it) and {@code redis-cli -a …}.
 */
final class CommandLineSecrets {

  static final String SSHPASS = "sshpass";
  static final String MYSQL = "mysql";
  static final String MARIADB = "mariadb";
  static final String REDIS_CLI = "redis-cli";

  /** {@code -p pass}, {@code -p'pass'}, {@code -ppass}: sshpass takes it either way. */
  private static final Pattern SSHPASS_FLAG =
      Pattern.compile(
          "\\G[ \\t]+-p[ \\t]*(?:'([^'\\n]{1,128})'|\"([^\"\\n]{1,128})\"|([^\\s'\"]{1,128}))");

  /** {@code -ppass} after {@code mysql}, {@code mysqldump}, {@code mysqladmin}, {@code mariadb}. */
  private static final Pattern GLUED_P =
      Pattern.compile("(?<=\\s)-p(?:'([^'\\n]{1,128})'|\"([^\"\\n]{1,128})\"|([^\\s'\"]{1,128}))");

  /** {@code -a pass} after {@code redis-cli}; {@code --pass} is a keyword assignment already. */
  private static final Pattern REDIS_AUTH =
      Pattern.compile(
          "(?<=\\s)-a[ \\t]+(?:'([^'\\n]{1,128})'|\"([^\"\\n]{1,128})\"|([^\\s'\"]{1,128}))");

  private CommandLineSecrets() {}

  /** Examines the command whose name starts at {@code at}. */
  static void at(String text, int at, String command, SecretSink sink) {
    if (at > 0 && !isCommandBoundary(text.charAt(at - 1))) {
      return;
    }
    int nameEnd = at + command.length();
    while (nameEnd < text.length() && Character.isLetter(text.charAt(nameEnd))) {
      nameEnd++; // mysqldump, mysqladmin, mariadb-dump is cut at '-'
    }
    if (nameEnd < text.length() && text.charAt(nameEnd) == '-' && command.equals(MARIADB)) {
      while (nameEnd + 1 < text.length() && Character.isLetter(text.charAt(nameEnd + 1))) {
        nameEnd++;
      }
      nameEnd++;
    }
    if (nameEnd >= text.length() || text.charAt(nameEnd) != ' ' && text.charAt(nameEnd) != '\t') {
      return;
    }
    int eol = text.indexOf('\n', nameEnd);
    int end = Math.min(eol < 0 ? text.length() : eol, nameEnd + 512);
    Matcher m =
        switch (command) {
          case SSHPASS -> SSHPASS_FLAG.matcher(text).region(nameEnd, end);
          case REDIS_CLI -> REDIS_AUTH.matcher(text).region(nameEnd, end);
          default -> GLUED_P.matcher(text).region(nameEnd, end);
        };
    m.useTransparentBounds(true);
    if (command.equals(SSHPASS) ? m.lookingAt() : m.find()) {
      int g = m.group(1) != null ? 1 : m.group(2) != null ? 2 : 3;
      String password = m.group(g);
      if (StructuredSecrets.plausibleUrlPassword("", password)
          && KeywordAssignments.plausiblePassword(password)) {
        sink.add(m.start(g), m.end(g), "COMMAND_LINE_PASSWORD", 0.9);
      }
    }
  }

  private static boolean isCommandBoundary(char c) {
    return Character.isWhitespace(c)
        || c == '`'
        || c == '"'
        || c == '\''
        || c == ';'
        || c == '('
        || c == '|'
        || c == '&'
        || c == '$'
        || c == '/';
  }
}
