/**
 * HTTP surface: REST resources, request parsing and limits, problem+json mapping, readiness. May
 * import {@code app} (configuration, runtimes), {@code check}, {@code policy}, {@code model} and
 * Quarkus.
 */
package dev.parapet.api;
