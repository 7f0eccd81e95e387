/**
 * Step one of a check: the normalized view of a text with its offset map back to original code
 * points, and tokens.
 */
package dev.parapet.text;
