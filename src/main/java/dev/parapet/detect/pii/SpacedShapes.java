package dev.parapet.detect.pii;

import dev.parapet.model.Severity;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifiers printed with spaces between letters and digits, which candidate runs do not join: UK
 * National Insurance numbers ("AB 12 34 56 C"), Indian vehicle registrations ("MH 12 AB 1234") and
 * Italian paper identity cards ("AA 1234567"). Each is tried only where two letters start a word.
 */
final class SpacedShapes implements Scanner {

  /** One spaced shape; {@code context} null means none is needed. */
  private record Shape(
      String type,
      String name,
      Pattern pattern,
      Severity severity,
      double score,
      List<String> context,
      boolean needsContext,
      java.util.function.Predicate<String> validator) {}

  private static final Set<String> NINO_BANNED = Set.of("BG", "GB", "NK", "KN", "TN", "NT", "ZZ");

  private static final List<Shape> SHAPES =
      List.of(
          new Shape(
              "UK_NINO",
              "uk-nino",
              Pattern.compile(
                  "(?i)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D](?![A-Za-z0-9])"),
              Severity.HIGH,
              0.7,
              List.of("national insurance", "nino", "ni number", "ni no"),
              false,
              s -> !NINO_BANNED.contains(s.substring(0, 2).toUpperCase(java.util.Locale.ROOT))),
          new Shape(
              "IN_VEHICLE_REGISTRATION",
              "in-vehicle-registration",
              Pattern.compile(
                  "(?:AN|AP|AR|AS|BR|CG|CH|DD|DL|DN|GA|GJ|HP|HR|JH|JK|KA|KL|LA|LD|MH|ML|MN|MP|MZ|NL|OD"
                      + "|OR|PB|PY|RJ|SK|TN|TR|TS|UK|UP|WB) \\d{1,2} ?[A-Z]{1,3} \\d{4}(?![A-Za-z0-9])"),
              Severity.MEDIUM,
              0.6,
              List.of("vehicle", "registration", "number plate", "licence plate", "license plate"),
              false,
              s -> true),
          new Shape(
              "IT_IDENTITY_CARD",
              "it-identity-card",
              Pattern.compile("[A-Z]{2} \\d{7}(?![A-Za-z0-9])"),
              Severity.HIGH,
              0.5,
              List.of("carta d'identità", "carta di identità", "carta d'identita", "identity card"),
              true,
              s -> true));

  @Override
  public void scan(Page page, FindingSink sink) {
    String text = page.text();
    int n = text.length();
    Matcher[] matchers = new Matcher[SHAPES.size()];
    for (int at = 0; at + 8 < n; at++) {
      char next = text.charAt(at + 2);
      // every shape here starts with two letters and then, after at most one space, a digit
      if (!Candidates.isAsciiLetter(text.charAt(at))
          || !Candidates.isAsciiLetter(text.charAt(at + 1))
          || !(Candidates.isDigit(next) || next == ' ' && Candidates.isDigit(text.charAt(at + 3)))
          || at > 0 && Candidates.isAlnum(text.charAt(at - 1))) {
        continue;
      }
      for (int i = 0; i < SHAPES.size(); i++) {
        Shape shape = SHAPES.get(i);
        if (matchers[i] == null) {
          matchers[i] = shape.pattern().matcher(text).useTransparentBounds(true);
        }
        Matcher m = matchers[i].region(at, Math.min(n, at + 20));
        if (!m.lookingAt() || sink.overlaps(m.start(), m.end())) {
          continue;
        }
        if (!shape.validator().test(m.group())) {
          continue;
        }
        boolean near = Context.near(page.lower(), m.start(), m.end(), shape.context());
        if (shape.needsContext() && !near) {
          continue;
        }
        sink.add(
            m.start(),
            m.end(),
            shape.type(),
            shape.severity(),
            near ? Math.min(1.0, shape.score() + Context.BOOST) : shape.score(),
            PiiDetector.NAME + "/" + shape.name());
        at = m.end() - 1;
        break;
      }
    }
  }
}
