package dev.parapet.bench;

import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.model.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A generated policy of about 200 rules in three tiers (baseline, general, tenant/acme), shaped
 * like a real one: rules on finding type and severity, score thresholds, the stage, the tenant and
 * context map entries, overridable rules, exemptions, and accumulate, collect and exists patterns.
 * Most rules name finding types the benchmark's findings do not have, or stages, apps, channels and
 * regions the request does not come from, so they are evaluated but do not fire; seven rules fire
 * on {@link #findings(int)} (for any count above zero) and none on an empty list.
 */
final class SyntheticPolicy {

  static final String TENANT = "acme";

  /** The rules that fire on {@link #findings(int)} in {@link #context()}. */
  static final List<String> FIRING =
      List.of(
          "baseline/redact-card-numbers",
          "general/redact-email-address",
          "general/redact-phone-number",
          "general/redact-credit-card",
          "general/redact-profanity",
          "tenant/acme/allow-phone-numbers-for-support-bot",
          "tenant/acme/keep-links-visible");

  static final List<String> PII =
      List.of(
          "EMAIL_ADDRESS",
          "PHONE_NUMBER",
          "CREDIT_CARD",
          "US_SSN",
          "IBAN_CODE",
          "US_BANK_NUMBER",
          "IP_ADDRESS",
          "URL",
          "PERSON",
          "LOCATION",
          "DATE_OF_BIRTH",
          "PASSPORT",
          "DRIVER_LICENSE",
          "MEDICAL_LICENSE",
          "CRYPTO_ADDRESS",
          "UK_NHS",
          "NATIONAL_ID");

  static final List<String> LEXICON =
      List.of(
          "PROFANITY",
          "HATE",
          "VIOLENCE",
          "WEAPONS",
          "SELF_HARM",
          "SEXUAL",
          "DRUGS",
          "EXTREMISM",
          "HARASSMENT",
          "GAMBLING",
          "COMPETITOR",
          "CONFIDENTIAL",
          "MEDICAL_ADVICE",
          "LEGAL_ADVICE",
          "GUARANTEED_RETURNS");

  static final List<String> SECRET =
      List.of(
          "AWS_ACCESS_KEY",
          "GITHUB_TOKEN",
          "PRIVATE_KEY",
          "JWT",
          "SLACK_TOKEN",
          "GENERIC_API_KEY",
          "PASSWORD");

  private static final String PROFILES =
      """
      defaultProfile: default
      profiles:
        default:
          description: Synthetic 200-rule policy for RulesBenchmark
          tiers: [baseline, general, "tenant/${tenant}"]
          failMode: closed
          redaction: { default: replace, CREDIT_CARD: keep-last-4 }
          textStorage: none
          injectionThreshold: 0.7
      """;

  private SyntheticPolicy() {}

  /** Writes rules/ and an empty lexicons/ into a new temporary directory and returns it. */
  static Path write() {
    try {
      Path root = Files.createTempDirectory("parapet-bench-rules");
      Path rules = Files.createDirectories(root.resolve("rules"));
      Files.createDirectories(root.resolve("lexicons"));
      Files.writeString(rules.resolve("profiles.yaml"), PROFILES, StandardCharsets.UTF_8);
      write(rules.resolve("baseline/synthetic.drl"), baseline());
      write(rules.resolve("general/synthetic.drl"), general());
      write(rules.resolve("tenant/" + TENANT + "/synthetic.drl"), tenant());
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path root) {
    if (root == null) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An input from the support bot of tenant acme, on the web channel, in the UK. */
  static CheckContext context() {
    return new CheckContext(
        Stage.INPUT,
        "default",
        TENANT,
        Map.of("app", "support-bot", "channel", "web", "region", "uk", "locale", "en-GB"),
        2048);
  }

  /** {@code count} findings cycling over email, phone, card, link and profanity. */
  static List<Finding> findings(int count) {
    List<Finding> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int at = i * 40;
      out.add(
          switch (i % 5) {
            case 0 ->
                new Finding(
                    "pii", "EMAIL_ADDRESS", at, at + 20, Severity.MEDIUM, 0.85, "pii/email");
            case 1 ->
                new Finding("pii", "PHONE_NUMBER", at, at + 16, Severity.MEDIUM, 0.7, "pii/phone");
            case 2 ->
                new Finding(
                    "pii", "CREDIT_CARD", at, at + 19, Severity.HIGH, 0.95, "pii/credit-card");
            case 3 -> new Finding("pii", "URL", at, at + 30, Severity.LOW, 0.6, "pii/url");
            default ->
                new Finding("lexicon", "PROFANITY", at, at + 6, Severity.LOW, 1.0, "profanity");
          });
    }
    return out;
  }

  // ---------------------------------------------------------------- baseline: 45 rules, 1 fires

  static String baseline() {
    Drl d = new Drl("rules.baseline");
    for (String t : SECRET) {
      d.rule(
          "Block" + camel(t),
          "",
          "$f : Finding(detector == \"secret\", type == \"" + t + "\")",
          "decide.block(\"credentials never pass (" + t + ")\", $f);");
    }
    for (String t : LEXICON) {
      d.rule(
          "Block" + camel(t) + "Critical",
          "",
          "$f : Finding(detector == \"lexicon\", type == \""
              + t
              + "\", severity == Severity.CRITICAL)",
          "decide.block(\"critical " + t + " content is refused\", $f);");
    }
    for (String t : PII) {
      d.rule(
          "Block" + camel(t) + "InAnswersHighConfidence",
          "",
          "CheckContext(isOutput())\n    $f : Finding(detector == \"pii\", type == \""
              + t
              + "\", score >= 0.9)",
          "decide.block(\"answers do not disclose " + t + "\", $f);");
    }
    d.rule(
        "BlockPromptInjection",
        "",
        "CheckContext(isInput())\n    $f : Finding(type == \"PROMPT_INJECTION\", score >= 0.7)",
        "decide.block(\"prompt injection (\" + $f.source() + \")\", $f);");
    d.rule(
        "BlockExfiltration",
        "",
        "CheckContext(isOutput())\n"
            + "    $f : Finding(type == \"PROMPT_INJECTION\", source.contains(\"exfiltration\"))",
        "decide.block(\"the answer carries data out\", $f);");
    d.rule(
        "BlockCanaryLeaks",
        "",
        "CheckContext(isOutput())\n"
            + "    $f : Finding(type == \"PROMPT_INJECTION\", source.contains(\"canary-leak\"))",
        "decide.block(\"the answer leaks the canary\", $f);");
    d.rule(
        "RedactCardNumbers",
        "",
        "$f : Finding(detector == \"pii\", type == \"CREDIT_CARD\", score >= 0.9)",
        "decide.redact(\"card numbers are masked everywhere\", $f);");
    d.rule(
        "BlockSecretFlood",
        "",
        "Number(intValue >= 3) from accumulate(Finding(detector == \"secret\"), count(1))",
        "decide.block(\"several credentials in one text\");");
    d.rule(
        "BlockBulkCardNumbersInAnswers",
        "",
        "CheckContext(isOutput())\n"
            + "    $cards : List(size >= 5) from collect(Finding(type == \"CREDIT_CARD\"))",
        "decide.block(\"answers never list card numbers\", $cards);");
    return d.toString();
  }

  // ----------------------------------------------------------------- general: 76 rules, 4 fire

  private static final String[][] REGIONS = {
    {"us", "US_SSN"}, {"us", "DRIVER_LICENSE"}, {"us", "US_BANK_NUMBER"}, {"br", "NATIONAL_ID"},
    {"br", "PASSPORT"}, {"de", "IBAN_CODE"}, {"de", "NATIONAL_ID"}, {"fr", "IBAN_CODE"},
    {"in", "NATIONAL_ID"}, {"in", "PHONE_NUMBER"}, {"jp", "PASSPORT"}, {"au", "DRIVER_LICENSE"}
  };

  static String general() {
    Drl d = new Drl("rules.general");
    for (String t : PII) {
      if (t.equals("URL")) {
        continue; // links are reported, not masked
      }
      double threshold = t.equals("PERSON") || t.equals("LOCATION") ? 0.8 : 0.5;
      d.rule(
          "Redact" + camel(t),
          "@overridable(true)",
          "$f : Finding(detector == \"pii\", type == \"" + t + "\", score >= " + threshold + ")",
          "decide.redact(\"personal data (\" + $f.type() + \") is masked\", $f);");
    }
    for (String t : LEXICON) {
      d.rule(
          "Block" + camel(t) + "High",
          "@overridable(true)",
          "$f : Finding(detector == \"lexicon\", type == \""
              + t
              + "\", severity.atLeast(Severity.HIGH))",
          "decide.block(\"" + t + " is refused\", $f);");
    }
    for (String t : LEXICON) {
      d.rule(
          "Redact" + camel(t),
          "@overridable(true)",
          "$f : Finding(detector == \"lexicon\", type == \""
              + t
              + "\", !severity.atLeast(Severity.HIGH))",
          "decide.redact(\"mild " + t + " is masked\", $f);");
    }
    for (String[] r : REGIONS) {
      d.rule(
          "Block" + camel(r[1]) + "In" + camel(r[0]),
          "@overridable(true)",
          "CheckContext(value(\"region\") == \""
              + r[0]
              + "\")\n"
              + "    $f : Finding(detector == \"pii\", type == \""
              + r[1]
              + "\", score >= 0.6)",
          "decide.block(\"regulated identifier in " + r[0] + "\", $f);");
    }
    for (String t : LEXICON) {
      d.rule(
          "Block" + camel(t) + "InAnswers",
          "",
          "CheckContext(isOutput())\n"
              + "    $f : Finding(detector == \"lexicon\", type == \""
              + t
              + "\", severity.atLeast(Severity.MEDIUM))",
          "decide.block(\"answers do not contain " + t + "\", $f);");
    }
    d.rule(
        "BlockManyContactsInAnswers",
        "",
        "CheckContext(isOutput())\n"
            + "    Number(intValue >= 25) from accumulate(\n"
            + "        Finding(type == \"EMAIL_ADDRESS\" || type == \"PHONE_NUMBER\"), count(1))",
        "decide.block(\"answers do not list contact data in bulk\");");
    d.rule(
        "BlockHighLexiconScore",
        "",
        "Number(doubleValue > 60.0) from accumulate(\n"
            + "        Finding(detector == \"lexicon\", $s : score), sum($s))",
        "decide.block(\"too much flagged language in one text\");");
    d.rule(
        "BlockCollectedSecrets",
        "",
        "$all : List(size >= 2) from collect(Finding(detector == \"secret\"))",
        "decide.block(\"several secrets\", $all);");
    return d.toString();
  }

  // --------------------------------------------------------------- tenant/acme: 77 rules, 2 fire

  private static final String[] APPS = {
    "billing-bot", "hr-assistant", "sales-copilot", "legal-review", "claims-intake"
  };
  private static final String[] APP_TYPES = {
    "EMAIL_ADDRESS", "PERSON", "LOCATION", "DATE_OF_BIRTH"
  };
  private static final String[] CHANNELS = {"sms", "voice", "email", "kiosk"};
  private static final String[] CHANNEL_TYPES = {
    "EMAIL_ADDRESS", "PHONE_NUMBER", "PERSON", "LOCATION", "URL"
  };

  static String tenant() {
    Drl d = new Drl("rules.tenant.acme");
    d.rule(
        "AllowPhoneNumbersForSupportBot",
        "@approvedBy(\"acme-dpo\") @validUntil(\"2099-12-31\")",
        "CheckContext(value(\"app\") == \"support-bot\")\n"
            + "    exists Finding(type == \"PHONE_NUMBER\")",
        "decide.exemptType(\"PHONE_NUMBER\", \"agents call customers back\");");
    d.rule(
        "KeepLinksVisible",
        "",
        "exists Finding(type == \"URL\")",
        "decide.exemptType(\"URL\", \"links in support answers are harmless\");");
    for (String app : APPS) {
      for (String t : APP_TYPES) {
        d.rule(
            "Allow" + camel(t) + "For" + camel(app),
            "@approvedBy(\"acme-dpo\")",
            "CheckContext(value(\"app\") == \""
                + app
                + "\")\n"
                + "    exists Finding(type == \""
                + t
                + "\")",
            "decide.exemptType(\"" + t + "\", \"" + app + " needs it\");");
      }
    }
    for (String t : LEXICON) {
      d.rule(
          "Block" + camel(t) + "InAcmeAnswers",
          "",
          "CheckContext(tenant == \""
              + TENANT
              + "\", isOutput())\n"
              + "    $f : Finding(type == \""
              + t
              + "\")",
          "decide.block(\"acme answers never contain " + t + "\", $f);");
    }
    for (String channel : CHANNELS) {
      for (String t : CHANNEL_TYPES) {
        d.rule(
            "Redact" + camel(t) + "On" + camel(channel),
            "",
            "CheckContext(context[\"channel\"] == \""
                + channel
                + "\")\n"
                + "    $f : Finding(detector == \"pii\", type == \""
                + t
                + "\")",
            "decide.redact(\"" + channel + " is not a private channel\", $f);");
      }
    }
    String[][] lowers = {
      {"audience", "adult", "general/redact-profanity", "PROFANITY"},
      {"audience", "clinician", "general/redact-medical-advice", "MEDICAL_ADVICE"},
      {"department", "legal", "general/redact-legal-advice", "LEGAL_ADVICE"},
      {"department", "security", "general/block-weapons-high", "WEAPONS"}
    };
    for (String[] l : lowers) {
      d.rule(
          "Lower" + camel(l[3]) + "For" + camel(l[1]),
          "@approvedBy(\"acme-trust\")",
          "CheckContext(value(\""
              + l[0]
              + "\") == \""
              + l[1]
              + "\")\n"
              + "    exists Finding(type == \""
              + l[3]
              + "\")",
          "decide.lower(\"" + l[2] + "\", Verdict.ALLOW, \"" + l[1] + " may see it\");");
    }
    for (String t : LEXICON) {
      d.rule(
          "Block" + camel(t) + "Confident",
          "",
          "$f : Finding(detector == \"lexicon\", type == \""
              + t
              + "\", score >= 0.99,"
              + " severity.atLeast(Severity.MEDIUM))",
          "decide.block(\"acme refuses confident " + t + "\", $f);");
    }
    d.rule(
        "FlagPersonalDataWithoutLocale",
        "",
        "CheckContext(value(\"locale\") == \"\")\n    exists Finding(detector == \"pii\")",
        "decide.allow(\"personal data from a caller without a locale\");");
    return d.toString();
  }

  // --------------------------------------------------------------------------------- helpers

  /** EMAIL_ADDRESS and support-bot become EmailAddress and SupportBot. */
  static String camel(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.split("[_\\-]")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0)))
            .append(part.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return out.toString();
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  /** A DRL file under construction. */
  private static final class Drl {
    private final StringBuilder out = new StringBuilder();

    Drl(String pkg) {
      out.append("// Generated by dev.parapet.bench.SyntheticPolicy\n")
          .append("package ")
          .append(pkg)
          .append(";\n\nimport dev.parapet.model.*;\nimport java.util.List;\n")
          .append("global dev.parapet.policy.Decide decide;\n");
    }

    void rule(String name, String meta, String when, String then) {
      out.append("\nrule \"")
          .append(name)
          .append('"')
          .append(meta.isEmpty() ? "" : " " + meta)
          .append("\nwhen\n    ")
          .append(when)
          .append("\nthen\n    ")
          .append(then)
          .append("\nend\n");
    }

    @Override
    public String toString() {
      return out.toString();
    }
  }
}
