package dev.parapet.api.auth;

import java.util.Set;

/** An authenticated caller: the key id or JWT subject, and its roles. */
public record Caller(String id, Set<Role> roles) {

  public Caller {
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
