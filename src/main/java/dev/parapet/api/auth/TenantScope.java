package dev.parapet.api.auth;

import dev.parapet.api.ErrorCode;
import dev.parapet.api.ProblemException;
import dev.parapet.check.CheckRequest;
import java.util.TreeSet;

/**
 * Holds a caller bound to tenants to those tenants: a request for another tenant is 403, and one
 * that names none gets the caller's tenant when it has exactly one. Unbound callers (no {@code
 * tenants} in the keys file, no tenants claim in the JWT) name any tenant or none, as before.
 */
public final class TenantScope {

  private TenantScope() {}

  /**
   * The request as the caller may make it, naming the caller for the audit record; {@code caller}
   * is null when auth is off.
   */
  public static CheckRequest apply(Caller caller, CheckRequest asked) {
    if (caller == null) {
      return asked;
    }
    CheckRequest request = asked.withCaller(caller.id());
    if (!caller.bound()) {
      return request;
    }
    String tenant = request.tenant();
    if (tenant.isEmpty()) {
      if (caller.tenants().size() != 1) {
        throw new ProblemException(
            ErrorCode.FORBIDDEN, "this key acts for several tenants; name one of them in 'tenant'");
      }
      return request.withTenant(caller.tenants().iterator().next());
    }
    if (!caller.mayActFor(tenant)) {
      throw new ProblemException(
          ErrorCode.FORBIDDEN,
          "this key may act for the tenants " + new TreeSet<>(caller.tenants()) + " only");
    }
    return request;
  }
}
