/**
 * The last step: hash-chained, privacy-preserving decision records in H2 or PostgreSQL,
 * verification and retention. May import only {@code digest}, JDBC and the JDK: nothing of the
 * request's way.
 */
package dev.parapet.audit;
