/**
 * HTTP surface: REST resources, request parsing and limits, problem+json mapping, wiring of the
 * plain-Java pipeline; the only place with Quarkus types.
 */
package dev.parapet.api;
