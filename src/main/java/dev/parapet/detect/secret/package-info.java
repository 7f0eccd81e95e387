/**
 * Credentials: API keys by prefix, private keys, tokens, and random-looking password assignments.
 * May import {@code detect}, {@code text} and {@code model}.
 */
package dev.parapet.detect.secret;
