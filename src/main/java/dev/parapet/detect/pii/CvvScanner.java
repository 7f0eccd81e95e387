package dev.parapet.detect.pii;

import dev.parapet.model.Severity;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A card's security code counts only next to a card and behind a label. */
final class CvvScanner implements Scanner {

  private static final Pattern CVV =
      Pattern.compile("(?i)(?:cvv2?|cvc2?|csc|security code)\\D{0,12}(\\d{3,4})(?!\\d)");
  private static final List<String> WORDS = List.of("cvv", "cvc", "csc", "security code");
  private static final String SOURCE = PiiDetector.NAME + "/cvv";

  @Override
  public void scan(Page page, FindingSink sink) {
    if (!sink.has("CREDIT_CARD") || !page.containsAny(WORDS)) {
      return; // the case-insensitive regex over the whole text is the expensive part
    }
    Matcher m = CVV.matcher(page.text());
    while (m.find()) {
      if (!sink.overlaps(m.start(1), m.end(1))) {
        sink.add(m.start(1), m.end(1), "CVV", Severity.HIGH, 0.9, SOURCE);
      }
    }
  }
}
