/**
 * The officers' command line: policy tests and evaluations without a server. May import {@code
 * check}, {@code policy} and {@code model}; never Quarkus or the audit store.
 */
package dev.parapet.cli;
