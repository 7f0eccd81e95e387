/**
 * The pipeline of one request: normalize, detect, decide tier by tier, resolve precedence, redact,
 * record.
 */
package dev.parapet.check;
