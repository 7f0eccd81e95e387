/**
 * Credentials: API keys by prefix, private keys, tokens, and random-looking password assignments.
 */
package dev.parapet.detect.secret;
