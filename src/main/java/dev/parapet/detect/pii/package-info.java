/**
 * Personal data: validated identifiers, phones, emails, addresses, and officer recognizers on
 * RE2/J. May import {@code detect}, {@code text}, {@code model}, Lucene's automata and RE2/J.
 */
package dev.parapet.detect.pii;
