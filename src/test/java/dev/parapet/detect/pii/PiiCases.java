package dev.parapet.detect.pii;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Generates the labelled PII set {@code src/test/resources/quality/pii-generated.jsonl}: for each
 * type, values with valid check digits (a random body, the check character searched until the
 * validator accepts it) in sentences with and without context words and separators, and as many
 * hard negatives: the same value with a wrong check digit, random digits of the right length,
 * version strings, order numbers, dates and OIDs. Seeded, so the file is reproducible:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) dev.parapet.detect.pii.PiiCases
 * </pre>
 */
final class PiiCases {

  static final Path FILE = Path.of("src/test/resources/quality/pii-generated.jsonl");
  private static final String DIGITS = "0123456789";
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /** One labelled case: the type it is about, the text, whether the value is that type. */
  record Case(String type, String text, boolean expected, String value) {}

  private final Random random = new Random(22);
  private final List<Case> cases = new ArrayList<>();

  private PiiCases() {}

  public static void main(String[] args) throws IOException {
    ObjectMapper json = new ObjectMapper();
    StringBuilder out = new StringBuilder();
    int id = 0;
    for (Case c : generate()) {
      ObjectNode node = json.createObjectNode();
      node.put("id", String.format(Locale.ROOT, "pii-gen-%05d", id++));
      node.put("entity_type", c.type());
      node.put("text", c.text());
      node.put("expected", c.expected());
      int at = c.text().indexOf(c.value());
      var spans = node.putArray("spans");
      if (c.expected()) {
        int start = c.text().codePointCount(0, at);
        spans.addArray().add(start).add(start + c.value().codePointCount(0, c.value().length()));
      }
      node.put("value", c.value());
      out.append(json.writeValueAsString(node)).append('\n');
    }
    Files.writeString(FILE, out.toString(), StandardCharsets.UTF_8);
  }

  static List<Case> generate() {
    PiiCases g = new PiiCases();
    g.all();
    return g.cases;
  }

  private void all() {
    checked(
        "CREDIT_CARD",
        60,
        this::card,
        "card",
        this::groupsOf4,
        List.of(
            "Please charge my card {v} today.",
            "Visa {v} exp 04/29",
            "card number: {v}",
            "My Mastercard is {v}, thanks.",
            "pay with {v}"));
    checked(
        "IBAN_CODE",
        60,
        this::iban,
        "iban",
        this::ibanGroups,
        List.of(
            "Please wire it to {v}.",
            "IBAN: {v}",
            "my bank account {v}",
            "Transfer the deposit to IBAN {v} by Friday."));
    checked(
        "US_SSN",
        40,
        () -> ssn(),
        "ssn",
        v -> v.substring(0, 3) + "-" + v.substring(3, 5) + "-" + v.substring(5),
        List.of("My social security number is {v}.", "SSN: {v}", "ssn {v} on file"));
    checked(
        "US_ITIN",
        30,
        () ->
            "9"
                + digits(2)
                + pick("50", "65", "70", "78", "88", "90", "92", "94", "99")
                + digits(4),
        "itin",
        v -> v.substring(0, 3) + "-" + v.substring(3, 5) + "-" + v.substring(5),
        List.of("My ITIN is {v}.", "individual taxpayer identification number {v}", "ITIN: {v}"));
    checked(
        "AU_ABN",
        40,
        () -> solve(d -> digits(10) + d, "abn", DIGITS, 11, 1),
        "abn",
        v ->
            v.substring(0, 2)
                + " "
                + v.substring(2, 5)
                + " "
                + v.substring(5, 8)
                + " "
                + v.substring(8),
        List.of("Our ABN is {v}.", "ABN: {v}", "Australian Business Number {v}"));
    checked(
        "AU_ACN",
        40,
        () -> solve(d -> digits(8) + d, "acn", DIGITS, 9, 1),
        "acn",
        this::groupsOf3,
        List.of("The company's ACN is {v}.", "ACN {v}", "Australian Company Number: {v}"));
    checked(
        "AU_TFN",
        40,
        () -> solve(d -> digits(8) + d, "tfn", DIGITS, 9, 1),
        "tfn",
        this::groupsOf3,
        List.of("My tax file number is {v}.", "TFN: {v}", "Please update my TFN {v}."));
    checked(
        "AU_MEDICARE",
        40,
        () ->
            solve(
                d -> pick("2", "3", "4", "5", "6") + digits(7) + d + pick("1", "2", "3"),
                "medicare",
                DIGITS,
                10,
                8),
        "medicare",
        v -> v.substring(0, 4) + " " + v.substring(4, 9) + " " + v.substring(9),
        List.of("Medicare card number {v}", "my medicare no is {v}", "Medicare: {v}"));
    checked(
        "UK_NHS",
        40,
        () -> solve(d -> digits(9) + d, "nhs", DIGITS, 10, 9),
        "nhs",
        v -> v.substring(0, 3) + " " + v.substring(3, 6) + " " + v.substring(6),
        List.of("My NHS number is {v}.", "NHS no: {v}", "patient NHS {v}"));
    checked(
        "IT_VAT_CODE",
        40,
        () ->
            solve(
                d -> digits(7) + pick("001", "015", "058", "100", "120", "999") + d,
                "it-vat",
                DIGITS,
                11,
                10),
        "it-vat",
        v -> "IT" + v,
        List.of("Partita IVA {v}", "la nostra P.IVA è {v}", "VAT number: {v}"));
    checked(
        "IT_FISCAL_CODE",
        40,
        this::fiscalCode,
        "it-fiscal-code",
        v -> v.toLowerCase(Locale.ROOT),
        List.of("Il mio codice fiscale è {v}.", "codice fiscale: {v}", "fiscal code {v}"));
    checked(
        "ES_NIF",
        40,
        () -> solve(d -> digits(8) + d, "es-nif", UPPER, 9, 8),
        "es-nif",
        v -> v.substring(0, 8) + "-" + v.substring(8),
        List.of("Mi DNI es {v}.", "NIF: {v}", "documento nacional {v}"));
    checked(
        "ES_NIE",
        30,
        () -> solve(d -> pick("X", "Y", "Z") + digits(7) + d, "nif", UPPER, 9, 8),
        "nif",
        v -> v.charAt(0) + "-" + v.substring(1, 8) + "-" + v.charAt(8),
        List.of("Mi NIE es {v}.", "NIE: {v}", "número de identidad de extranjero {v}"));
    checked(
        "SG_NRIC_FIN",
        40,
        () -> solve(d -> pick("S", "T", "F", "G") + digits(7) + d, "nric", UPPER, 9, 8),
        "nric",
        v -> v.toLowerCase(Locale.ROOT),
        List.of("My NRIC is {v}.", "NRIC: {v}", "FIN {v}"));
    checked(
        "SG_UEN",
        30,
        this::uen,
        "uen",
        v -> v,
        List.of("Our UEN is {v}.", "UEN: {v}", "company registration (UEN) {v}"));
    checked(
        "PL_PESEL",
        40,
        this::pesel,
        "pesel",
        v -> v,
        List.of("Mój PESEL to {v}.", "PESEL: {v}", "numer pesel {v}"));
    checked(
        "KR_RRN",
        40,
        this::rrn,
        "rrn",
        v -> v.substring(0, 6) + "-" + v.substring(6),
        List.of("주민등록번호 {v}", "RRN: {v}", "resident registration number {v}"));
    checked(
        "IN_AADHAAR",
        40,
        () ->
            solve(
                d -> pick("2", "3", "4", "5", "6", "7", "8", "9") + digits(10) + d,
                "aadhaar",
                DIGITS,
                12,
                11),
        "aadhaar",
        v -> v.substring(0, 4) + " " + v.substring(4, 8) + " " + v.substring(8),
        List.of("My Aadhaar number is {v}.", "aadhaar: {v}", "UIDAI {v}"));
    checked(
        "CN_RESIDENT_ID",
        40,
        this::chinaId,
        "gb11643",
        v -> v,
        List.of("身份证号码：{v}", "my resident identity card {v}", "ID {v}"));
    checked(
        "FI_PERSONAL_IDENTITY_CODE",
        30,
        this::hetu,
        "hetu",
        v -> v,
        List.of("Henkilötunnus {v}", "hetu: {v}", "personal identity code {v}"));
    checked(
        "CRYPTO",
        30,
        this::eth,
        "eip55",
        v -> v,
        List.of("Send ETH to {v}", "my wallet {v}", "ethereum address: {v}"));
    checked(
        "CRYPTO",
        20,
        this::btc,
        "base58check",
        v -> v,
        List.of("Send BTC to {v}", "bitcoin wallet: {v}"));
    network();
    phones();
    generalNegatives();
  }

  /**
   * {@code count} valid values of a type (half in a context sentence, half written with its
   * separators), and as many negatives in the same sentences: a wrong check character, or random
   * characters of the right length that the validator rejects.
   */
  private void checked(
      String type,
      int count,
      Supplier<String> valid,
      String validator,
      Function<String, String> formatted,
      List<String> sentences) {
    Predicate<String> check = Validators.BY_NAME.get(validator);
    for (int i = 0; i < count; i++) {
      String v = valid.get();
      if (!check.test(v)) {
        throw new IllegalStateException(type + " generator made an invalid " + v);
      }
      String shown = i % 2 == 0 ? v : formatted.apply(v);
      String sentence = sentences.get(i % sentences.size());
      cases.add(new Case(type, sentence.replace("{v}", shown), true, shown));
      String bad =
          type.equals("US_SSN")
              ? (i % 2 == 0 ? "000" : "666") + v.substring(3) // never issued
              : type.equals("US_ITIN")
                  ? v.substring(0, 3) + pick("66", "67", "68", "69", "89", "93") + v.substring(5)
                  : i % 3 == 2 ? scrambled(v, check) : wrongCheck(v, check);
      String badShown = i % 2 == 0 ? bad : formatted.apply(bad);
      cases.add(new Case(type, sentence.replace("{v}", badShown), false, badShown));
    }
  }

  /** The value with one character changed (the check first) so that the validator rejects it. */
  private String wrongCheck(String v, Predicate<String> check) {
    for (int pos = v.length() - 1; pos >= 0; pos--) {
      char c = v.charAt(pos);
      String alphabet = Character.isDigit(c) ? DIGITS : Character.isUpperCase(c) ? UPPER : null;
      if (alphabet == null) {
        continue;
      }
      for (int k = 1; k < alphabet.length(); k++) {
        char other = alphabet.charAt((alphabet.indexOf(c) + k) % alphabet.length());
        String changed = v.substring(0, pos) + other + v.substring(pos + 1);
        if (!check.test(changed)) {
          return changed;
        }
      }
    }
    throw new IllegalStateException("no invalid neighbour of " + v);
  }

  /** The value's digits replaced at random (its letters kept) until the validator rejects it. */
  private String scrambled(String v, Predicate<String> check) {
    for (int tries = 0; tries < 1000; tries++) {
      StringBuilder out = new StringBuilder(v);
      for (int i = 0; i < out.length(); i++) {
        if (Character.isDigit(out.charAt(i)) && (i > 1 || !v.startsWith("0x"))) {
          out.setCharAt(i, DIGITS.charAt(random.nextInt(10)));
        }
      }
      if (!check.test(out.toString())) {
        return out.toString();
      }
    }
    return wrongCheck(v, check);
  }

  /**
   * A valid value: {@code body} gives the value for a candidate check character, which is searched
   * over {@code alphabet} at position {@code at} of a value of {@code length}.
   */
  private String solve(
      Function<String, String> body, String validator, String alphabet, int length, int at) {
    Predicate<String> check = Validators.BY_NAME.get(validator);
    for (int tries = 0; tries < 1000; tries++) {
      String base = body.apply("0");
      for (char c : alphabet.toCharArray()) {
        String v = base.substring(0, at) + c + base.substring(at + 1);
        if (v.length() == length && check.test(v)) {
          return v;
        }
      }
    }
    throw new IllegalStateException("no valid " + validator);
  }

  private String card() {
    String prefix =
        pick("4", "4", "51", "55", "2221", "2720", "34", "37", "6011", "65", "3528", "36", "62");
    int length = prefix.equals("34") || prefix.equals("37") ? 15 : prefix.equals("36") ? 14 : 16;
    return solve(
        d -> prefix + digits(length - prefix.length() - 1) + d, "card", DIGITS, length, length - 1);
  }

  private String groupsOf4(String v) {
    StringBuilder out = new StringBuilder();
    String sep = random.nextBoolean() ? " " : "-";
    for (int i = 0; i < v.length(); i += 4) {
      out.append(i == 0 ? "" : sep).append(v, i, Math.min(v.length(), i + 4));
    }
    return out.toString();
  }

  private String groupsOf3(String v) {
    return v.substring(0, 3) + " " + v.substring(3, 6) + " " + v.substring(6);
  }

  private static final String[][] IBAN_COUNTRIES = {
    {"DE", "18"}, {"GB", "4L14"}, {"FR", "23"}, {"ES", "20"}, {"IT", "1L22"}, {"NL", "4L10"},
    {"BE", "12"}, {"CH", "17"}, {"AT", "16"}, {"PL", "24"}, {"SE", "20"}, {"NO", "11"},
    {"DK", "14"}, {"FI", "14"}, {"IE", "4L14"}, {"PT", "21"}, {"SA", "20"}, {"AE", "19"},
    {"BR", "25"}, {"TR", "22"}, {"UA", "25"}, {"MT", "4L23"}
  };

  private String iban() {
    String[] c = IBAN_COUNTRIES[random.nextInt(IBAN_COUNTRIES.length)];
    int l = c[1].indexOf('L');
    String bban;
    do { // an account that also passes its country's own check digits, where it has them
      bban =
          l > 0
              ? letters(Integer.parseInt(c[1].substring(0, l)))
                  + digits(Integer.parseInt(c[1].substring(l + 1)))
              : digits(Integer.parseInt(c[1]));
    } while (!IbanFormats.nationalCheck(c[0] + "00" + bban));
    int check = 98 - Checksums.mod97(bban + c[0] + "00");
    return c[0] + String.format(Locale.ROOT, "%02d", check) + bban;
  }

  private String ibanGroups(String v) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < v.length(); i += 4) {
      out.append(i == 0 ? "" : " ").append(v, i, Math.min(v.length(), i + 4));
    }
    return out.toString();
  }

  private String ssn() {
    return String.format(
        Locale.ROOT,
        "%03d%02d%04d",
        1 + random.nextInt(665),
        1 + random.nextInt(99),
        1 + random.nextInt(9999));
  }

  private String fiscalCode() {
    String date =
        digits(2)
            + pick("A", "B", "C", "D", "E", "H", "L", "M", "P", "R", "S", "T")
            + String.format(
                Locale.ROOT, "%02d", 1 + random.nextInt(28) + (random.nextBoolean() ? 40 : 0));
    return solve(
        d -> letters(6) + date + letters(1) + digits(3) + d, "it-fiscal-code", UPPER, 16, 15);
  }

  private String uen() {
    return switch (random.nextInt(3)) {
      case 0 -> solve(d -> digits(8) + d, "uen", UPPER, 9, 8);
      case 1 -> solve(d -> (1990 + random.nextInt(34)) + digits(5) + d, "uen", UPPER, 10, 9);
      default ->
          solve(
              d -> pick("S", "T") + digits(2) + pick("LL", "FC", "PF", "SS") + digits(4) + d,
              "uen",
              UPPER + DIGITS,
              10,
              9);
    };
  }

  private String pesel() {
    int year = 1930 + random.nextInt(90);
    int month = 1 + random.nextInt(12) + (year >= 2000 ? 20 : 0);
    String date =
        String.format(Locale.ROOT, "%02d%02d%02d", year % 100, month, 1 + random.nextInt(28));
    return solve(d -> date + digits(4) + d, "pesel", DIGITS, 11, 10);
  }

  private String rrn() {
    int year = 1940 + random.nextInt(80);
    String date =
        String.format(
            Locale.ROOT,
            "%02d%02d%02d",
            year % 100,
            1 + random.nextInt(12),
            1 + random.nextInt(28));
    String sex = year >= 2000 ? pick("3", "4") : pick("1", "2");
    String place = String.format(Locale.ROOT, "%02d", random.nextInt(97)); // 00-96
    return solve(d -> date + sex + place + digits(3) + d, "rrn", DIGITS, 13, 12);
  }

  private String chinaId() {
    String date =
        String.format(
            Locale.ROOT,
            "%04d%02d%02d",
            1950 + random.nextInt(60),
            1 + random.nextInt(12),
            1 + random.nextInt(28));
    return solve(
        d -> pick("110105", "310101", "440113", "510104") + date + digits(3) + d,
        "gb11643",
        DIGITS + "X",
        18,
        17);
  }

  private String hetu() {
    String date =
        String.format(
            Locale.ROOT,
            "%02d%02d%02d",
            1 + random.nextInt(28),
            1 + random.nextInt(12),
            random.nextInt(100));
    // 002-899: 900 and up are temporary numbers
    String individual = String.format(Locale.ROOT, "%03d", 2 + random.nextInt(898));
    return solve(
        d -> date + pick("-", "A") + individual + d,
        "hetu",
        DIGITS + "ABCDEFHJKLMNPRSTUVWXY",
        11,
        10);
  }

  private String eth() {
    String hex = hex(40);
    byte[] hash = Eip55.keccak256(hex.getBytes(StandardCharsets.US_ASCII));
    StringBuilder out = new StringBuilder("0x");
    for (int i = 0; i < 40; i++) {
      int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
      out.append(nibble >= 8 ? Character.toUpperCase(hex.charAt(i)) : hex.charAt(i));
    }
    return out.toString();
  }

  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  private String btc() {
    byte[] payload = new byte[25];
    payload[0] = random.nextBoolean() ? 0 : (byte) 5;
    for (int i = 1; i < 21; i++) {
      payload[i] = (byte) random.nextInt(256);
    }
    byte[] hash = Checksums.sha256(Checksums.sha256(java.util.Arrays.copyOf(payload, 21)));
    System.arraycopy(hash, 0, payload, 21, 4);
    java.math.BigInteger n = new java.math.BigInteger(1, payload);
    StringBuilder out = new StringBuilder();
    while (n.signum() > 0) {
      java.math.BigInteger[] qr = n.divideAndRemainder(java.math.BigInteger.valueOf(58));
      out.append(BASE58.charAt(qr[1].intValue()));
      n = qr[0];
    }
    for (int i = 0; i < payload.length && payload[i] == 0; i++) {
      out.append('1');
    }
    return out.reverse().toString();
  }

  private void network() {
    for (int i = 0; i < 30; i++) {
      String ip =
          (1 + random.nextInt(223))
              + "."
              + random.nextInt(256)
              + "."
              + random.nextInt(256)
              + "."
              + (1 + random.nextInt(254));
      cases.add(
          new Case(
              "IP_ADDRESS",
              pick("The server at {v} is down.", "ping {v}", "client IP {v} was blocked")
                  .replace("{v}", ip),
              true,
              ip));
      String version =
          (1 + random.nextInt(9))
              + "."
              + random.nextInt(20)
              + "."
              + random.nextInt(30)
              + "."
              + random.nextInt(300);
      cases.add(
          new Case(
              "IP_ADDRESS",
              pick("Upgrade to version {v} today.", "Firmware {v} fixes it.", "release {v} is out")
                  .replace("{v}", version),
              false,
              version));
    }
    String[] v6 = {
      "2001:db8::1",
      "fe80::1ff:fe23:4567:890a",
      "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
      "::1",
      "::ffff:192.0.2.128",
      "2001:db8:3333:4444:5555:6666:7777:8888",
      "2001:db8::",
      "fd00:1234:5678::42"
    };
    for (int i = 0; i < 24; i++) {
      String ip = v6[i % v6.length];
      cases.add(
          new Case(
              "IP_ADDRESS",
              pick(
                      "Connect to [{v}] on port 443.",
                      "IPv6 address {v} assigned",
                      "route via {v} now")
                  .replace("[{v}]", "{v}")
                  .replace("{v}", ip),
              true,
              ip));
      String time =
          String.format(
              Locale.ROOT,
              "%02d:%02d:%02d",
              random.nextInt(24),
              random.nextInt(60),
              random.nextInt(60));
      cases.add(new Case("IP_ADDRESS", "The meeting starts at " + time + " sharp.", false, time));
    }
    for (int i = 0; i < 24; i++) {
      String mac =
          String.join(i % 2 == 0 ? ":" : "-", hex(2), hex(2), hex(2), hex(2), hex(2), hex(2))
              .toUpperCase(Locale.ROOT);
      cases.add(new Case("MAC_ADDRESS", "The device MAC is " + mac + ".", true, mac));
      String oid = "1.3.6.1.4.1." + random.nextInt(50000);
      cases.add(new Case("IP_ADDRESS", "OID " + oid + " identifies the vendor.", false, oid));
    }
    for (int i = 0; i < 30; i++) {
      String user =
          letters(1).toLowerCase(Locale.ROOT) + pick("anna", "john.smith", "m_k", "dev+ops");
      String mail = user + random.nextInt(100) + "@" + pick("example.com", "mail.co.uk", "corp.io");
      cases.add(new Case("EMAIL_ADDRESS", "Write to " + mail + " for help.", true, mail));
      String handle = "@" + user.replace(".", "") + random.nextInt(100);
      cases.add(new Case("EMAIL_ADDRESS", "Follow " + handle + " on social media.", false, handle));
      String url =
          pick(
                  "https://www.example.com/path?q=",
                  "http://intranet.corp.local/docs/",
                  "www.example.org/page")
              + random.nextInt(1000);
      cases.add(new Case("URL", "See " + url + " for details.", true, url));
      String file = pick("report", "notes", "config") + "." + pick("txt", "pdf", "yaml");
      cases.add(new Case("URL", "Open " + file + " and edit it.", false, file));
    }
  }

  private void phones() {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    String[] regions = {"US", "GB", "DE", "FR", "IN", "CN", "ES", "IT", "BR", "AU", "JP", "NL"};
    int made = 0;
    while (made < 60) {
      String region = regions[made % regions.length];
      PhoneNumber example =
          util.getExampleNumberForType(region, PhoneNumberUtil.PhoneNumberType.MOBILE);
      String national = String.valueOf(example.getNationalNumber());
      PhoneNumber n = new PhoneNumber().setCountryCode(example.getCountryCode());
      String changed = national.substring(0, national.length() - 3) + digits(3);
      n.setNationalNumber(Long.parseLong(changed));
      if (!util.isValidNumber(n)) {
        continue;
      }
      String shown =
          util.format(
              n, made % 2 == 0 ? PhoneNumberFormat.INTERNATIONAL : PhoneNumberFormat.NATIONAL);
      String sentence =
          pick(
              "Call me on {v} tomorrow.",
              "My mobile: {v}",
              "phone {v}",
              "You can reach me at {v}.");
      if (made % 2 == 1 && !region.equals(regions[0])) {
        sentence = pick("Call me on {v} tomorrow.", "My mobile: {v}", "phone {v}");
      }
      cases.add(new Case("PHONE_NUMBER", sentence.replace("{v}", shown), true, shown));
      made++;
    }
    for (int i = 0; i < 60; i++) {
      String v =
          switch (i % 4) {
            case 0 -> digits(3) + "-" + digits(2) + "-" + digits(4) + "-" + digits(2);
            case 1 ->
                "20"
                    + (10 + random.nextInt(15))
                    + "-"
                    + String.format(
                        Locale.ROOT, "%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28));
            case 2 -> digits(10);
            default -> digits(4) + "." + digits(4) + "." + digits(2);
          };
      cases.add(
          new Case(
              "PHONE_NUMBER",
              pick(
                      "Order {v} has shipped.",
                      "Invoice {v} is due.",
                      "Ticket {v} was closed.",
                      "Logged on {v}.")
                  .replace("{v}", v),
              false,
              v));
    }
  }

  private void generalNegatives() {
    for (int i = 0; i < 40; i++) {
      String v =
          switch (i % 5) {
            case 0 ->
                "v" + random.nextInt(10) + "." + random.nextInt(20) + "." + random.nextInt(200);
            case 1 ->
                String.format(
                    Locale.ROOT,
                    "%02d.%02d.%04d",
                    1 + random.nextInt(28),
                    1 + random.nextInt(12),
                    1990 + random.nextInt(35));
            case 2 -> "ORD-" + digits(8);
            case 3 -> digits(3) + "," + digits(3) + "," + digits(3);
            default -> "#" + digits(6);
          };
      cases.add(
          new Case(
              "NONE",
              pick("See item {v} in the list.", "We shipped {v} yesterday.", "Build {v} passed.")
                  .replace("{v}", v),
              false,
              v));
    }
  }

  private String digits(int n) {
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      out.append(DIGITS.charAt(random.nextInt(10)));
    }
    return out.toString();
  }

  private String letters(int n) {
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      out.append(UPPER.charAt(random.nextInt(26)));
    }
    return out.toString();
  }

  private String hex(int n) {
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      out.append("0123456789abcdef".charAt(random.nextInt(16)));
    }
    return out.toString();
  }

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }
}
