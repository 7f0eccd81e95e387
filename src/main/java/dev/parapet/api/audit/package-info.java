/**
 * The auditors' endpoints and the wiring of the audit trail (store choice, HMAC key, retention
 * schedule, readiness).
 */
package dev.parapet.api.audit;
