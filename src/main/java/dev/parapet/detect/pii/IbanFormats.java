package dev.parapet.detect.pii;

import java.util.HashMap;
import java.util.Map;

/**
 * The account part (BBAN) of an IBAN as the SWIFT IBAN registry describes it per country: runs of
 * digits ({@code n}), upper-case letters ({@code a}) and either ({@code c}). A number that passes
 * mod 97 but has letters where the account has digits is no IBAN.
 */
final class IbanFormats {

  private static final Map<String, String> BBAN = new HashMap<>();

  static {
    String table =
        "AD 8n12c, AE 19n, AL 8n16c, AT 16n, AZ 4a20c, BA 16n, BE 12n, BG 4a6n8c, BH 4a14c,"
            + " BR 23n1a1c, CH 5n12c, CR 18n, CY 8n16c, CZ 20n, DE 18n, DK 14n, DO 4c20n,"
            + " EE 16n, EG 25n, ES 20n, FI 14n, FO 14n, FR 10n11c2n, GB 4a14n, GE 2a16n,"
            + " GI 4a15c, GL 14n, GR 7n16c, GT 4c20c, HR 17n, HU 24n, IE 4a14n, IL 19n,"
            + " IS 22n, IT 1a10n12c, JO 4a4n18c, KW 4a22c, KZ 3n13c, LB 4n20c, LI 5n12c,"
            + " LT 16n, LU 3n13c, LV 4a13c, MC 10n11c2n, MD 2c18c, ME 18n, MK 3n10c2n,"
            + " MR 23n, MT 4a5n18c, MU 4a19n3a, NL 4a10n, NO 11n, PK 4a16c, PL 24n, PS 4a21c,"
            + " PT 21n, QA 4a21c, RO 4a16c, RS 18n, SA 2n18c, SE 20n, SI 15n, SK 20n,"
            + " SM 1a10n12c, TN 20n, TR 5n1n16c, UA 6n19c, VA 18n, VG 4a16n, XK 16n";
    for (String entry : table.split(", ")) {
      BBAN.put(entry.substring(0, 2), entry.substring(3).trim());
    }
  }

  private IbanFormats() {}

  /** Whether {@code iban} (upper case, no separators) has its country's account structure. */
  static boolean structured(String iban) {
    String format = BBAN.get(iban.substring(0, 2));
    if (format == null) {
      return true; // a country outside the table: mod 97 alone
    }
    int at = 4;
    int i = 0;
    while (i < format.length()) {
      int count = 0;
      while (Character.isDigit(format.charAt(i))) {
        count = count * 10 + format.charAt(i++) - '0';
      }
      char kind = format.charAt(i++);
      for (int k = 0; k < count; k++, at++) {
        if (at >= iban.length() || !fits(iban.charAt(at), kind)) {
          return false;
        }
      }
    }
    return at == iban.length();
  }

  /**
   * The check digits some countries keep inside the account number, as well as the IBAN's own:
   * Spain's two control digits, Belgium's mod 97 pair, Norway's mod 11 digit, and the whole account
   * mod 97 of Montenegro, Serbia, North Macedonia, Slovenia, Bosnia and Portugal. {@code iban} is
   * upper case without separators and has passed {@link #structured}.
   */
  static boolean nationalCheck(String iban) {
    String bban = iban.substring(4);
    switch (iban.substring(0, 2)) {
      case "ES":
        return spanishControl("00" + bban.substring(0, 8)) == bban.charAt(8) - '0'
            && spanishControl(bban.substring(10)) == bban.charAt(9) - '0';
      case "BE":
        long account = Long.parseLong(bban.substring(0, 10));
        int key = (int) (account % 97);
        return (key == 0 ? 97 : key) == Integer.parseInt(bban.substring(10));
      case "NO":
        return norwegianAccount(bban);
      case "ME", "RS", "MK", "SI", "BA", "PT":
        return !Digits.are(bban, bban.length()) || Checksums.mod97(bban) == 1;
      default:
        return true;
    }
  }

  private static final int[] SPANISH_WEIGHTS = {1, 2, 4, 8, 5, 10, 9, 7, 3, 6};

  /** A control digit of a Spanish account (CCC): weighted mod 11, where 10 is written 1. */
  private static int spanishControl(String tenDigits) {
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += (tenDigits.charAt(i) - '0') * SPANISH_WEIGHTS[i];
    }
    int control = 11 - sum % 11;
    return control == 11 ? 0 : control == 10 ? 1 : control;
  }

  private static final int[] NORWEGIAN_WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

  /** A Norwegian account number (kontonummer): mod 11 over the first ten digits. */
  private static boolean norwegianAccount(String eleven) {
    if (eleven.startsWith("0000")) {
      return true; // old postal-giro accounts, checked another way
    }
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += (eleven.charAt(i) - '0') * NORWEGIAN_WEIGHTS[i];
    }
    int control = (11 - sum % 11) % 11;
    return control != 10 && control == eleven.charAt(10) - '0';
  }

  private static boolean fits(char c, char kind) {
    boolean digit = c >= '0' && c <= '9';
    boolean letter = c >= 'A' && c <= 'Z';
    // only the digit runs are held to: generated and older numbers put digits where the
    // registry has letters, but a letter where it has digits is never an IBAN
    return kind == 'n' ? digit : digit || letter;
  }
}
