package dev.parapet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parapet.detect.DetectorInput;
import dev.parapet.detect.secret.SecretDetector;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.Stage;
import dev.parapet.text.Normalizer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recall and false positives of the secret detector on a JSON Lines set of provider-labelled cases
 * (such as eval-dev's secrets_dev.jsonl), overall, per provider family and for the largest
 * providers. Uses only the detector's public constructor, so the same file measures any build.
 *
 * <p>A positive counts as found when a finding overlaps one of its expected strings where that
 * string occurs in the text (or its parts split at {@code : ; | ,} when it does not occur whole),
 * or, when none occurs at all, when there is any finding. A negative counts as a false positive
 * when a finding's kind is that provider's or generic (not tied to another provider); a finding of
 * another provider's kind on it is reported separately ("other"). Of the false positives, {@code
 * fpKind} counts those where a kind of that very provider fired (a format error of the catalogue);
 * the rest are generic findings (a keyword assignment, an Authorization header, a URL password) on
 * values that the set marks as the wrong format for its provider but that may still be secrets.
 *
 * <p>Run: {@code java -cp <classes>:<test-classes>:<deps> dev.parapet.bench.SecretEval FILE}
 */
public final class SecretEval {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Counts of one group. */
  static final class Tally {
    int pos;
    int found;
    int neg;
    int fp;
    int fpKind;
    int other;

    String row(String name) {
      return String.format(
          Locale.ROOT,
          "%-28s %5d %5d %6.3f %5d %4d %6.3f %6d %6.3f %5d",
          name,
          pos,
          found,
          pos == 0 ? 0 : (double) found / pos,
          neg,
          fp,
          neg == 0 ? 0 : (double) fp / neg,
          fpKind,
          neg == 0 ? 0 : (double) fpKind / neg,
          other);
    }
  }

  private SecretEval() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : "/work/shared/eval-dev/secrets_dev.jsonl");
    boolean misses = args.length > 1 && args[1].equals("--misses");
    Map<String, String> providerOf = kindProviders();
    SecretDetector detector = new SecretDetector();
    Normalizer normalizer = new Normalizer();
    Tally all = new Tally();
    Map<String, Tally> families = new TreeMap<>();
    Map<String, Tally> providers = new HashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode c = JSON.readTree(line);
      String text = c.get("text").asText();
      String provider = c.get("provider").asText();
      boolean expected = c.get("expected").asBoolean();
      List<Finding> findings =
          detector.detect(
              new DetectorInput(
                  normalizer.normalize(text),
                  new CheckContext(
                      Stage.INPUT, "default", "", Map.of(), text.codePointCount(0, text.length()))));
      List<Tally> tallies =
          List.of(
              all,
              families.computeIfAbsent(family(provider), f -> new Tally()),
              providers.computeIfAbsent(provider, p -> new Tally()));
      if (expected) {
        boolean hit = found(text, c.get("want"), findings);
        tallies.forEach(
            t -> {
              t.pos++;
              t.found += hit ? 1 : 0;
            });
        if (!hit && misses) {
          System.out.println("MISS " + provider + " " + JSON.writeValueAsString(text));
        }
      } else {
        boolean fp = false;
        boolean ownKind = false;
        boolean other = false;
        for (Finding f : findings) {
          String kind = f.source().substring(f.source().indexOf('/') + 1);
          String owner = providerOf.get(kind);
          if (owner == null || same(owner, provider)) {
            fp = true;
            ownKind |= owner != null;
          } else {
            other = true;
          }
        }
        boolean isFp = fp;
        boolean isOwnKind = ownKind;
        boolean isOther = other && !fp;
        tallies.forEach(
            t -> {
              t.neg++;
              t.fp += isFp ? 1 : 0;
              t.fpKind += isOwnKind ? 1 : 0;
              t.other += isOther ? 1 : 0;
            });
        if (isFp && misses) {
          System.out.println(
              "FP "
                  + provider
                  + " "
                  + findings.stream()
                      .map(f -> f.source() + "@" + f.start() + "-" + f.end())
                      .toList()
                  + " "
                  + JSON.writeValueAsString(text));
        }
      }
    }
    String head =
        String.format(
            Locale.ROOT,
            "%-28s %5s %5s %6s %5s %4s %6s %6s %6s %5s",
            "group",
            "pos",
            "found",
            "recall",
            "neg",
            "fp",
            "fprate",
            "fpKind",
            "kindFp",
            "other");
    System.out.println(head);
    System.out.println(all.row("ALL"));
    System.out.println("-- by family");
    families.forEach((f, t) -> System.out.println(t.row(f)));
    System.out.println("-- providers with 5+ positives");
    new TreeMap<>(providers)
        .forEach(
            (p, t) -> {
              if (t.pos >= 5) {
                System.out.println(t.row(p));
              }
            });
  }

  private static boolean same(String owner, String provider) {
    String a = owner.replaceAll("[^a-z0-9]", "");
    String b = provider.replaceAll("[^a-z0-9]", "");
    return a.startsWith(b) || b.startsWith(a);
  }

  private static boolean found(String text, JsonNode want, List<Finding> findings) {
    List<int[]> spans = new ArrayList<>();
    for (JsonNode w : want) {
      addSpans(text, w.asText(), spans);
    }
    if (spans.isEmpty()) {
      for (JsonNode w : want) {
        // multi-part results are joined with separators, or written as a JSON object
        for (String part : w.asText().split("[:;|,\"{}\\[\\]]")) {
          if (part.length() >= 6) {
            addSpans(text, part, spans);
          }
        }
      }
    }
    if (spans.isEmpty()) {
      return !findings.isEmpty();
    }
    for (Finding f : findings) {
      for (int[] s : spans) {
        if (f.start() < s[1] && s[0] < f.end()) {
          return true;
        }
      }
    }
    return false;
  }

  private static void addSpans(String text, String w, List<int[]> spans) {
    if (w.isEmpty()) {
      return;
    }
    for (int at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
      int start = text.codePointCount(0, at);
      spans.add(new int[] {start, start + w.codePointCount(0, w.length())});
    }
  }

  /** Each catalogue kind's provider, read from the build's own catalogue when it has one. */
  private static Map<String, String> kindProviders() throws Exception {
    Map<String, String> out = new HashMap<>();
    // the kinds built in before the catalogue existed
    out.put("AWS_ACCESS_KEY", "aws");
    out.put("GITHUB_TOKEN", "github");
    out.put("GITLAB_TOKEN", "gitlab");
    out.put("SLACK_TOKEN", "slack");
    out.put("SLACK_WEBHOOK", "slackwebhook");
    out.put("STRIPE_KEY", "stripe");
    out.put("GOOGLE_API_KEY", "gcp");
    out.put("ANTHROPIC_API_KEY", "anthropic");
    out.put("OPENAI_API_KEY", "openai");
    try (InputStream in = SecretEval.class.getResourceAsStream("/secrets/catalogue.yaml")) {
      if (in != null) {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
        for (JsonNode k : root.get("kinds")) {
          out.put(k.get("id").asText(), k.get("provider").asText());
        }
      }
    }
    return out;
  }

  private static final String[][] FAMILIES = {
    {"cloud", "aws", "azure", "gcp", "google", "alibaba", "ibm", "digitalocean", "heroku",
      "cloudflare", "linode", "vultr", "scaleway", "oracle", "tencent", "yandex", "netlify",
      "vercel", "fly", "render", "supabase", "planetscale", "doppler", "hashicorp", "vault",
      "terraform", "pulumi", "openshift", "kubernetes", "okta", "auth0", "tailscale", "ngrok"},
    {"code-ci-registry", "github", "gitlab", "bitbucket", "npm", "pypi", "rubygems", "nuget",
      "docker", "artifactory", "jfrog", "sourcegraph", "circleci", "travis", "buildkite",
      "sonar", "snyk", "jenkins", "octopus", "harness", "codecov", "postman", "sentry",
      "grafana", "datadog", "newrelic", "dynatrace", "launchdarkly", "deno", "prefect"},
    {"ai", "openai", "anthropic", "huggingface", "groq", "replicate", "perplexity", "xai",
      "cohere", "mistral", "deepseek", "gemini", "nvapi", "langsmith", "langfuse", "pinecone",
      "elevenlabs", "assemblyai", "weightsandbiases", "openrouter", "fireworks", "braintrust"},
    {"payments", "stripe", "square", "shopify", "paypal", "braintree", "plaid", "razorpay",
      "flutterwave", "paystack", "coinbase", "checkout", "adyen", "mollie", "gocardless",
      "pagarme", "wepay", "lob", "easypost", "shippo", "duffel", "ramp"},
    {"messaging-mail", "slack", "discord", "teams", "telegram", "twilio", "sendgrid",
      "mailgun", "mailchimp", "sendinblue", "postmark", "messagebird", "vonage", "nexmo",
      "plivo", "intercom", "zapier", "mailjet", "sparkpost", "pusher", "webex"},
    {"structural", "uri", "jdbc", "ldap", "ftp", "mongodb", "postgres", "redis", "mysql",
      "sqlserver", "privatekey", "jwt", "rabbitmq", "couchbase", "azure_storage"}
  };

  static String family(String provider) {
    for (String[] f : FAMILIES) {
      for (int i = 1; i < f.length; i++) {
        if (provider.startsWith(f[i])) {
          return f[0];
        }
      }
    }
    return "other-saas";
  }
}
