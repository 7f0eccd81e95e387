/**
 * The last step: hash-chained, privacy-preserving decision records in H2 or PostgreSQL,
 * verification and retention.
 */
package dev.parapet.audit;
