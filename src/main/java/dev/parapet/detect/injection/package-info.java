/**
 * Prompt injection and jailbreaks, scored from signals found in plain, normalized, hidden and
 * encoded text.
 */
package dev.parapet.detect.injection;
