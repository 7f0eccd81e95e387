package dev.parapet.api.auth;

import java.util.Locale;

/** What a caller may do: check texts, read the audit log, or manage the policy. */
public enum Role {
  CHECKER,
  AUDITOR,
  POLICY_ADMIN;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses {@code checker}, {@code auditor} or {@code policy-admin}; null otherwise. */
  public static Role parse(String value) {
    for (Role role : values()) {
      if (role.wireName().equals(value)) {
        return role;
      }
    }
    return null;
  }
}
