/**
 * SHA-256 and HMAC-SHA256, written once for the audit chain, text hashes, redaction and policy
 * versions. Imports only the JDK.
 */
package dev.parapet.digest;
