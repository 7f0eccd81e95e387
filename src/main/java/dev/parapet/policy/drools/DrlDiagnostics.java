package dev.parapet.policy.drools;

import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.Message;
import dev.parapet.model.SourceProblem;
import dev.parapet.model.StrictYaml;
import dev.parapet.model.ToolCall;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves a Drools error to the line of the mistake where the engine reports it elsewhere, and says
 * what is wrong in the officer's words: a misspelt keyword, a missing {@code ;} (reported at the
 * rule's first line), an unknown fact field, a {@code #} comment (which DRL does not have, and
 * which makes the parser fail a rule later).
 */
final class DrlDiagnostics {

  private static final List<String> KEYWORDS = List.of("rule", "when", "then", "end");
  private static final Pattern EXPRESSION =
      Pattern.compile("Unable to Analyse Expression\\s+([A-Za-z_][A-Za-z0-9_]*)");
  private static final Set<String> FIELDS = fields();

  /** Statement ends after which a line break continues the statement. */
  private static final List<String> OPEN_ENDS =
      List.of(";", "{", "}", "(", ",", "+", "-", "*", "/", "&&", "||", "?", ":", "=");

  private DrlDiagnostics() {}

  /** A problem for every line that starts with {@code #}. */
  static List<SourceProblem> hashComments(String file, String drl) {
    List<SourceProblem> out = new ArrayList<>();
    String[] lines = drl.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].strip().startsWith("#")) {
        out.add(
            new SourceProblem(
                file, i + 1, "`#` does not start a comment in DRL; write `//` instead"));
      }
    }
    return out;
  }

  /** The problem at the line of the mistake, with a clearer message where one is known. */
  static SourceProblem refine(SourceProblem p, String drl) {
    if (drl == null || p.line() <= 0) {
      return p;
    }
    String[] lines = drl.split("\n", -1);
    if (p.message().contains("insert \";\"")) {
      int line = missingSemicolon(lines, p.line());
      return line > 0
          ? new SourceProblem(p.file(), line, "missing `;` at the end of this statement")
          : p;
    }
    if (p.message().contains("mismatched input")) {
      for (int i = p.line() - 1, seen = 0; i >= 0 && seen < 3; i--) {
        String word = lines[i].strip();
        if (word.isEmpty()) {
          continue;
        }
        seen++;
        String keyword = word.matches("[A-Za-z]+") ? StrictYaml.nearest(word, KEYWORDS) : null;
        if (keyword != null && !keyword.equals(word)) {
          return new SourceProblem(
              p.file(),
              i + 1,
              "`" + word + "` is not a DRL keyword; did you mean `" + keyword + "`?");
        }
      }
      return p;
    }
    Matcher m = EXPRESSION.matcher(p.message());
    if (m.find() && !FIELDS.contains(m.group(1))) {
      String near = StrictYaml.nearest(m.group(1), FIELDS);
      return new SourceProblem(
          p.file(),
          p.line(),
          "unknown field `"
              + m.group(1)
              + "`"
              + (near == null ? "" : "; did you mean `" + near + "`?")
              + " ("
              + firstLine(p.message())
              + ")");
    }
    return p;
  }

  /**
   * The line of the consequence, in the rule starting at or after {@code ruleLine}, whose statement
   * ends without {@code ;}; 0 when none is found.
   */
  private static int missingSemicolon(String[] lines, int ruleLine) {
    int i = ruleLine - 1;
    while (i < lines.length && !lines[i].strip().equals("then")) {
      i++;
    }
    for (i++; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.equals("end")) {
        return 0;
      }
      if (line.isEmpty() || line.startsWith("//") || OPEN_ENDS.stream().anyMatch(line::endsWith)) {
        continue;
      }
      String next = "";
      for (int j = i + 1; j < lines.length && next.isEmpty(); j++) {
        next = lines[j].strip();
      }
      if (!next.startsWith(".") && !next.startsWith(")") && !next.startsWith("+")) {
        return i + 1;
      }
    }
    return 0;
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }

  /** The fields rules may constrain: the components of the facts the engine is given. */
  private static Set<String> fields() {
    Set<String> out = new TreeSet<>();
    for (Class<?> fact :
        List.of(Finding.class, CheckContext.class, Message.class, ToolCall.class)) {
      RecordComponent[] components = fact.getRecordComponents();
      if (components != null) {
        for (RecordComponent c : components) {
          out.add(c.getName());
        }
      }
    }
    return out;
  }
}
