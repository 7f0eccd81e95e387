/**
 * Who may call what: API keys stored as hashes, JWT bearer tokens, roles per path, and the per-key
 * rate limit.
 */
package dev.parapet.api.auth;
