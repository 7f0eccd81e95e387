package dev.parapet.api.auth;

import java.time.Instant;
import java.util.Set;

/**
 * An authenticated caller: the key id or JWT subject, its roles, the tenants it may act for (empty:
 * not bound to any, it may name any tenant or none), and when its credential stops being valid (a
 * JWT's {@code exp}; null for an API key, valid until it leaves the keys file).
 */
public record Caller(String id, Set<Role> roles, Set<String> tenants, Instant expires) {

  public Caller {
    roles = Set.copyOf(roles);
    tenants = Set.copyOf(tenants);
  }

  public Caller(String id, Set<Role> roles, Set<String> tenants) {
    this(id, roles, tenants, null);
  }

  public Caller(String id, Set<Role> roles) {
    this(id, roles, Set.of());
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Whether the caller is bound to a list of tenants. */
  public boolean bound() {
    return !tenants.isEmpty();
  }

  /** Whether the caller may act for a tenant. */
  public boolean mayActFor(String tenant) {
    return !bound() || tenants.contains(tenant);
  }
}
