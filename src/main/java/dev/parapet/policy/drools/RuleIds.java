package dev.parapet.policy.drools;

import java.util.Locale;

/** Turns a DRL rule name into the id callers and auditors see: tier plus kebab case. */
final class RuleIds {

  private RuleIds() {}

  /**
   * {@code "BlockWeaponsInstructions"} in tier baseline is {@code
   * baseline/block-weapons-instructions}.
   */
  static String of(String tier, String ruleName) {
    return tier + "/" + kebab(ruleName);
  }

  static String kebab(String name) {
    StringBuilder out = new StringBuilder(name.length() + 8);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        appendDash(out);
        continue;
      }
      if (Character.isUpperCase(c) && i > 0) {
        char prev = name.charAt(i - 1);
        boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        if (Character.isLowerCase(prev)
            || Character.isDigit(prev)
            || (Character.isUpperCase(prev) && nextLower)) {
          appendDash(out);
        }
      }
      out.append(Character.toLowerCase(c));
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == '-') {
      end--;
    }
    return out.substring(0, end).toLowerCase(Locale.ROOT);
  }

  private static void appendDash(StringBuilder out) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
      out.append('-');
    }
  }
}
