package dev.parapet.detect.pii;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import dev.parapet.model.Severity;
import java.util.List;

/**
 * Phone numbers, found by Google's libphonenumber ({@link PhoneNumberUtil#findNumbers}) in the
 * candidate runs of a page, for each region the request's profile names: international numbers
 * ({@code +44 20 7946 0958}) in any region, national ones ({@code (415) 555-2671}, {@code 06 12 34
 * 56 78}) in the first of the profile's regions where they are valid. A bare run of digits is a
 * phone number only next to a word such as "phone" or "call": most order numbers are valid numbers
 * somewhere.
 */
final class PhoneScanner implements Scanner {

  /** The regions tried when a profile names none. */
  static final List<String> DEFAULT_REGIONS =
      List.of("US", "GB", "DE", "FR", "ES", "IT", "NL", "IN", "CN", "JP", "BR", "AU", "MX", "IL");

  static final List<String> CONTEXT =
      List.of(
          "phone", "call", "tel:", "tel.", "tel ", "mobile", "cell", "whatsapp", "fax", "contact",
          "reach me", "text me", "sms", "電話", "电话", "手机", "telefon", "téléphone", "portable",
          "handy", "teléfono", "telefono", "móvil", "cellulare", "celular");

  private static final String SOURCE = PiiDetector.NAME + "/phone";
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final int MIN_DIGITS = 7;
  private static final int MAX_DIGITS = 15; // E.164

  @Override
  public void scan(Page page, FindingSink sink) {
    String text = page.text();
    Boolean anyContext = null;
    for (int[] run : page.runs()) {
      int start = run[0];
      int end = run[1];
      if (sink.overlaps(start, end)) {
        continue;
      }
      int digits = 0;
      boolean letters = false;
      boolean separated = false;
      for (int i = start; i < end; i++) {
        char c = text.charAt(i);
        if (Candidates.isDigit(c)) {
          digits++;
        } else if (Candidates.isAsciiLetter(c)) {
          letters = true;
        } else {
          separated = true;
        }
      }
      if (letters || digits < MIN_DIGITS || digits > MAX_DIGITS) {
        continue;
      }
      boolean international = text.charAt(start) == '+';
      if (anyContext == null) {
        anyContext = page.containsAny(CONTEXT);
      }
      boolean near = anyContext && Context.near(page.lower(), start, end, CONTEXT);
      if (!near && (!international && !separated || !international && digits < 9)) {
        continue; // bare digits, or a short local number, without a word saying it is a phone
      }
      // without a word saying so, a number must be grouped exactly the way its region prints
      // numbers: "912-93-4567" is a valid Spanish number, but no one writes a phone number so
      Leniency leniency =
          near || international && !separated ? Leniency.VALID : Leniency.EXACT_GROUPING;
      if (!valid(text.substring(start, end), international, page.phoneRegions(), leniency)) {
        continue;
      }
      double score = (international ? 0.75 : 0.6) + (near ? Context.BOOST : 0);
      if (!near && Context.near(page.lower(), start, end, Context.NEGATIVE)) {
        score -= Context.PENALTY;
      }
      if (score >= ShapeScanner.REPORT_FLOOR) {
        sink.add(start, end, "PHONE_NUMBER", Severity.MEDIUM, Math.min(1.0, score), SOURCE);
      }
    }
  }

  /** Whether libphonenumber finds one valid number spanning the whole run in one of the regions. */
  private static boolean valid(
      String run, boolean international, List<String> regions, Leniency leniency) {
    for (String region : regions) {
      for (PhoneNumberMatch m : UTIL.findNumbers(run, region, leniency, Long.MAX_VALUE)) {
        if (m.start() == 0 && m.end() == run.length()
            || m.end() == run.length() && m.start() == 1 && run.charAt(0) == '(') {
          return true;
        }
      }
      if (international) {
        return false; // a number with its country code reads the same in every region
      }
    }
    return false;
  }
}
