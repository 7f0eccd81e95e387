/**
 * The trained prompt-injection classifier: hashed word and character n-grams, a linear model whose
 * weights ship as a resource, scored over windows in one pass. Training and its measurement live in
 * the tests and benchmarks (see docs/injection-classifier.md); this package only reads weights.
 */
package dev.parapet.detect.injection.classifier;
