/** The auditors' endpoints and the audit store's readiness check. */
package dev.parapet.api.audit;
