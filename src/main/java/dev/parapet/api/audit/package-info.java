/**
 * The auditors' endpoints and the audit store's readiness check. May import {@code app}, {@code
 * audit} and Quarkus.
 */
package dev.parapet.api.audit;
