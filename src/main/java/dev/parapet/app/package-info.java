/**
 * The composition root: configuration, the policy and audit runtimes, start-up wiring and file
 * watching. May import every package; only it and {@code api} touch Quarkus.
 */
package dev.parapet.app;
