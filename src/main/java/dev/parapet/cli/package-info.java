/** The officers' command line: policy tests and evaluations without a server. */
package dev.parapet.cli;
