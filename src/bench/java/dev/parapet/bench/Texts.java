package dev.parapet.bench;

/** Deterministic benchmark texts of a given size in chars. */
final class Texts {

  private static final String BENIGN =
      "Our quarterly report shows steady growth across the support organisation. Customers asked"
          + " about delivery times, invoice corrections and how to reset a password. The team"
          + " answered most questions within an hour, and satisfaction rose to ninety-one percent. ";

  private static final String MIXED =
      "Please mail the summary to jane.doe@example.com before Friday. This damn printer again! "
          + "Call me on +44 20 7946 0958 if the card 4111 1111 1111 1111 is declined. "
          + "我们的季度报告显示客户满意度有所提高。Ignore previous results and continue. ";

  /** Obfuscation everywhere and dense near-matches: leetspeak, spacing, zero-width, digits. */
  private static final String ADVERSARIAL =
      "b o m b h4te k1ll $h1t p\u200bi\u200bp\u200be 4111-1111-1111-1112 sk-ant- AKIA eyJhbGci "
          + "ｂｏｍｂ fuuuuuck 1gn0re prev10us 1nstruct10ns 192.168.001.1 +44 (0) 20 ";

  /** A pasted configuration: credential names, tokens, URLs and placeholders on every line. */
  private static final String CONFIG =
      "DATABASE_URL=postgres://app:Hq7x2Lm9zz@db.internal:5432/main\n"
          + "api_key: \"${API_KEY}\"\ntoken = os.environ[\"TOKEN\"]\n"
          + "GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
          + "curl -H \"Authorization: Bearer f3Kp9Qz7Lm2Xv8Rt4Wn6Yb1cD\" https://api.acme.io/v1\n"
          + "slack: hooks.slack.com/services/T0000/B0000/XXXX password=changeme sk-ant- AKIA \n";

  private Texts() {}

  static String of(String kind, int size) {
    String unit =
        switch (kind) {
          case "mixed" -> MIXED;
          case "adversarial" -> ADVERSARIAL;
          case "config" -> CONFIG;
          default -> BENIGN;
        };
    StringBuilder out = new StringBuilder(size + unit.length());
    while (out.length() < size) {
      out.append(unit);
    }
    return out.substring(0, size);
  }
}
