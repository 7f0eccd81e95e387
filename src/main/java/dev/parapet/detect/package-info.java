/**
 * Step two: detectors that find what is where (original code point spans), never changing the text.
 */
package dev.parapet.detect;
