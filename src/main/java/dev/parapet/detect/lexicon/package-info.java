/**
 * Lexicons: terms indexed with Lucene, matched by walking an FST built from its terms dictionary;
 * both, with every term's metadata, optionally kept on disk and reopened while the files are
 * unchanged. May import {@code detect}, {@code text}, {@code model} and Lucene.
 */
package dev.parapet.detect.lexicon;
