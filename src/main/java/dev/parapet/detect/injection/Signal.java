package dev.parapet.detect.injection;

/**
 * One piece of evidence of an injection attempt: what kind, how strong, and where (UTF-16 range of
 * the text it was found in).
 */
record Signal(String kind, double weight, int start, int end) {}
