package dev.parapet.detect.pii;

import com.google.i18n.phonenumbers.NumberParseException;
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
          "phone",
          "call",
          "tel:",
          "tel.",
          "tel ",
          "mobile",
          "cell",
          "whatsapp",
          "fax",
          "contact",
          "reach me",
          "text me",
          "sms",
          "電話",
          "电话",
          "手机",
          "telefon",
          "téléphone",
          "portable",
          "handy",
          "teléfono",
          "telefono",
          "móvil",
          "cellulare",
          "celular");

  private static final String SOURCE = PiiDetector.NAME + "/phone";
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final int MIN_DIGITS = 7;
  private static final int MAX_DIGITS = 15; // E.164

  @Override
  public void scan(Page page, FindingSink sink) {
    String text = page.text();
    Boolean anyContext = null;
    // a number repeated in one page (a signature, a quoted thread) is validated once
    java.util.Map<String, Boolean> seen = new java.util.HashMap<>();
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
      // the context window is read only where it decides something: a national number's
      // leniency; a number with its country code is validated first and read for its score
      Boolean near =
          international ? null : anyContext && Context.near(page.lower(), start, end, CONTEXT);
      if (!international && !near && (!separated || digits < 9)) {
        continue; // bare digits, or a short local number, without a word saying it is a phone
      }
      // without a word saying so, a national number must be grouped exactly the way its region
      // prints numbers: "912-93-4567" is a valid Spanish number, but no one writes one so
      Leniency leniency = international || near ? Leniency.VALID : Leniency.EXACT_GROUPING;
      String value = text.substring(start, end);
      String key = leniency == Leniency.VALID ? value : "\u0000" + value;
      Boolean ok = seen.get(key);
      if (ok == null) {
        ok = valid(value, international, page.phoneRegions(), leniency);
        seen.put(key, ok);
      }
      if (!ok) {
        continue;
      }
      if (near == null) {
        near = anyContext && Context.near(page.lower(), start, end, CONTEXT);
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

  /**
   * Whether the run is one valid number in one of the regions. A number with its country code, or
   * any number beside a phone word, is parsed and validated ({@link PhoneNumberUtil#parse}, {@link
   * PhoneNumberUtil#isValidNumber}); a national number without one must also be grouped as its
   * region groups numbers, which only the matcher ({@link PhoneNumberUtil#findNumbers} with {@link
   * Leniency#EXACT_GROUPING}) knows, and which costs several times a parse.
   */
  private static boolean valid(
      String run, boolean international, List<String> regions, Leniency leniency) {
    for (String region : regions) {
      if (leniency == Leniency.VALID) {
        if (parsesValid(run, region)) {
          return true;
        }
      } else if (parsesValid(run, region)) {
        // exact grouping implies a valid number: the parse, several times cheaper than the
        // matcher, turns away the regions where the run is no number at all
        for (PhoneNumberMatch m : UTIL.findNumbers(run, region, leniency, Long.MAX_VALUE)) {
          if (m.start() == 0 && m.end() == run.length()
              || m.end() == run.length() && m.start() == 1 && run.charAt(0) == '(') {
            return true;
          }
        }
      }
      if (international) {
        return false; // a number with its country code reads the same in every region
      }
    }
    return false;
  }

  private static boolean parsesValid(String run, String region) {
    try {
      return UTIL.isValidNumber(UTIL.parse(run, region));
    } catch (NumberParseException e) {
      return false;
    }
  }
}
