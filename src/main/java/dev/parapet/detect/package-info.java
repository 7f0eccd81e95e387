/**
 * Step two: detectors that find what is where (original code point spans), never changing the text.
 * May import {@code text} and {@code model}; never {@code policy} or {@code check}.
 */
package dev.parapet.detect;
