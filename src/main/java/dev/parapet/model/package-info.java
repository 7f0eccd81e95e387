/**
 * Plain immutable types every step shares: findings, actions, exemptions, verdicts, the request
 * context. May import only the JDK (and Jackson's annotations, for wire names).
 */
package dev.parapet.model;
