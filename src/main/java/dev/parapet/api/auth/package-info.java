/**
 * Who may call what: API keys stored as hashes, JWT bearer tokens, roles per path, and the per-key
 * rate limit. May import {@code app}, {@code api} and Quarkus.
 */
package dev.parapet.api.auth;
