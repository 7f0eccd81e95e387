/**
 * The pipeline of one request: normalize, detect, decide tier by tier, resolve precedence, redact,
 * record. May import {@code policy}, {@code detect}, {@code text}, {@code model} and {@code
 * digest}; no framework.
 */
package dev.parapet.check;
