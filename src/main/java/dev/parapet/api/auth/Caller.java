package dev.parapet.api.auth;

import java.util.Set;

/**
 * An authenticated caller: the key id or JWT subject, its roles, and the tenants it may act for
 * (empty: not bound to any, it may name any tenant or none).
 */
public record Caller(String id, Set<Role> roles, Set<String> tenants) {

  public Caller {
    roles = Set.copyOf(roles);
    tenants = Set.copyOf(tenants);
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
