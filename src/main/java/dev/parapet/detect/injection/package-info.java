/**
 * Prompt injection and jailbreaks, scored from signals found in plain, normalized, hidden and
 * encoded text. May import {@code detect}, {@code text} and {@code model}.
 */
package dev.parapet.detect.injection;
