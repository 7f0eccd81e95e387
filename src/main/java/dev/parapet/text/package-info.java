/**
 * Step one of a check: the normalized view of a text with its offset map back to original code
 * points, and tokens. May import only the JDK: no other package of ours.
 */
package dev.parapet.text;
