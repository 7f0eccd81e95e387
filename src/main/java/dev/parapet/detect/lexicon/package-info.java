/**
 * Lexicons: terms indexed with Lucene, matched by walking an FST built from its terms dictionary.
 */
package dev.parapet.detect.lexicon;
